"""Alembic environment of head office's store: runs against the engine handed in by
branchcheck.headoffice.store."""

from alembic import context

from branchcheck.headoffice.models import HeadOfficeBase

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=HeadOfficeBase.metadata)
    context.run_migrations()
