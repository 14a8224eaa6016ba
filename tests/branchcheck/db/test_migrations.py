"""The schema lives in Alembic migrations: they match the models, and every past schema's
database (one tiny checked-in file per version) upgrades and keeps its records verifiable."""

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from branchcheck import db, inspections
from branchcheck.db import open_store
from branchcheck.db.models import Base
from branchcheck.records import keys

DATA = Path(__file__).resolve().parents[2] / "data"
SCHEMAS = sorted(DATA.glob("schema_*.sqlite3"))
MIGRATIONS = sorted((Path(db.__file__).parent / "migrations" / "versions").glob("[0-9]*_*.py"))


def test_every_past_schema_has_its_database():
    # the upgrade test below is parametrized over SCHEMAS: with none it would pass having run nothing
    assert SCHEMAS, f"no schema_*.sqlite3 in {DATA}"
    assert MIGRATIONS, "no migrations found"
    have = {p.stem.removeprefix("schema_") for p in SCHEMAS}
    assert {p.name[:4] for p in MIGRATIONS[:-1]} <= have, f"see {DATA / 'README.md'}"


def test_migrations_match_the_models(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.stem)
def test_past_schema_upgrades_and_keeps_its_records(path, tmp_path, monkeypatch):
    copy = tmp_path / "old.sqlite3"
    shutil.copy(path, copy)
    monkeypatch.setenv("BRANCHCHECK_HOME", str(tmp_path))
    store = open_store(copy)
    [rec] = [r for r in inspections.list_records(store) if r.status == "sealed"]
    files = inspections.export(store, rec.id, tmp_path / "out")
    from branchcheck.records import verify_files

    results = verify_files([str(f) for f in files], keys.trust_roots(store))
    assert [r.status for r in results] == ["ok", "ok"]
    store.dispose()
