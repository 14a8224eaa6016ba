"""Alembic environment: runs against the engine handed in by branchcheck.db.store."""

from alembic import context

from branchcheck.db.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    context.run_migrations()
