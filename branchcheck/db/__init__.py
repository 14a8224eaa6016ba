"""The local store: SQLite (WAL, synchronous=FULL, foreign keys on), schema by Alembic migrations.

Importing it is cheap: SQLAlchemy loads when a store is opened (see store.py)."""

from branchcheck.db.store import Store, open_store

__all__ = ["Store", "open_store"]
