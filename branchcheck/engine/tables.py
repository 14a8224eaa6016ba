"""Record tables: the one shape every rule's table takes in a record (docs/record-format.md) —
{"key", "title", "columns": [{"key", "zh", "en", "kind"}], "rows": [[cell, ...]], "footer": [...]}.

A footer row is a label and a few figures placed under their columns; the builder pads the rest
with None, so a rule names the columns a total belongs to instead of counting Nones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from branchcheck.engine.core import Text

Kind = Literal["text", "money", "count", "diff", "int"]
Cell = str | int | None
Table = dict[str, Any]


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: Kind = "text"

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "zh": self.zh, "en": self.en, "kind": self.kind}


@dataclass(frozen=True)
class FooterRow:
    """A label in the first column and figures by column key; every other cell is empty."""

    label: str
    figures: Mapping[str, Cell]


def footer(label: str, **figures: Cell) -> FooterRow:
    return FooterRow(label, figures)


def table(
    key: str,
    title: Text,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell]],
    footer: Iterable[FooterRow] = (),
) -> Table:
    """A record table; a row of the wrong length or a figure under no column is a bug here."""
    keys = [c.key for c in columns]
    body = [list(r) for r in rows]
    for row in body:
        if len(row) != len(keys):
            raise ValueError(f"table '{key}': a row has {len(row)} cells for {len(keys)} columns")
    return {
        "key": key,
        "title": dict(title),
        "columns": [c.as_dict() for c in columns],
        "rows": body,
        "footer": [_footer_cells(key, keys, f) for f in footer],
    }


def _footer_cells(table_key: str, keys: list[str], row: FooterRow) -> list[Cell]:
    unknown = set(row.figures) - set(keys[1:])
    if unknown:
        raise ValueError(f"table '{table_key}': footer figures for unknown columns {unknown}")
    return [row.label] + [row.figures.get(k) for k in keys[1:]]
