"""Read-only queries in SQL through SQLAlchemy Core, for the paths that only read (the records and
findings lists, the staff register, the audit check): they cost `import sqlalchemy` and never load
the ORM or the models. Writes go through the ORM (models.py); the two meet in the schema, which the
migrations define and a test holds the models to."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from branchcheck.errors import AnswerError

MAX_SEARCH = 100  # characters of a text search (search_text)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def rows(conn: Connection, sql: str, **params: Any) -> list[dict[str, Any]]:
    """Every row of one query, as column → value."""
    from sqlalchemy import text

    return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def one(conn: Connection, sql: str, **params: Any) -> dict[str, Any] | None:
    found = rows(conn, sql, **params)
    return found[0] if found else None


def json_value(stored: Any) -> Any:
    """A JSON column as read without the ORM's type: text in SQLite, already decoded elsewhere."""
    return json.loads(stored) if isinstance(stored, str | bytes) else stored


def like_literal(text: str) -> str:
    """`text` as a literal inside a LIKE pattern whose escape character is the backslash
    (`LIKE :pattern ESCAPE '\\'`): its %, _ and backslashes match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_text(text: str | None) -> str:
    """A text search as given (stripped), refused when longer than MAX_SEARCH."""
    found = (text or "").strip()
    if len(found) > MAX_SEARCH:
        raise AnswerError(
            f"搜索内容不能超过 {MAX_SEARCH} 个字 / the search may have at most {MAX_SEARCH} "
            f"characters, got {len(found)}"
        )
    return found
