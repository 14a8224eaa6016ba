"""The local store: SQLite (WAL, synchronous=FULL, foreign keys on), schema by Alembic migrations."""

from branchcheck.db.store import Store, open_store

__all__ = ["Store", "open_store"]
