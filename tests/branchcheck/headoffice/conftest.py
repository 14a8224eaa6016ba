"""Head office fixtures: the store's URL (SQLite here; swap `db_url` to run the same tests on
PostgreSQL), head office's signing credential, and one demo upload package made once per run
(each test gets its own copy to change)."""

import json
import shutil
from datetime import date

import pytest

from branchcheck import inspections
from branchcheck.db import open_store
from branchcheck.headoffice.store import open_headoffice
from branchcheck.records import keys
from branchcheck.upload import cms
from branchcheck.upload.package import make_package
from tests.ho_signer import ho_signer


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Every head-office test runs on SQLite and on PostgreSQL (a fresh database per test)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'headoffice.sqlite3'}"
    return request.getfixturevalue("pg_fresh_url")


@pytest.fixture
def ho(db_url):
    db = open_headoffice(db_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def ho_credential():
    """Head office's signing credential (its own CA) and that CA's certificate."""
    return ho_signer()


def sealed_period(store):
    sealed = [r for r in inspections.list_records(store) if r.status == "sealed"]
    days = sorted(date.fromisoformat(r.local_date) for r in sealed)
    return days[0], days[-1]


@pytest.fixture(scope="session")
def packed(demo_db, tmp_path_factory):
    """(package folder, branch CA PEM path, the packer E001's credential) of the demo's sealed
    period, made once."""
    folder = tmp_path_factory.mktemp("packed")
    shutil.copy(demo_db, folder / "branchcheck.sqlite3")
    store = open_store(folder / "branchcheck.sqlite3")
    first, last = sealed_period(store)
    done = make_package(
        store, first=first, last=last, out=folder / "out", actor="E001", key_password="demo1234"
    )
    ca = keys.export_ca(store, folder / "branch-ca.pem")
    cred = keys.load_credential(store, "E001", "demo1234")
    store.dispose()
    return done.folder, ca, cred


@pytest.fixture
def package(packed, tmp_path):
    """A copy of the demo package for this test to change."""
    folder, _, _ = packed
    copy = tmp_path / "packages" / folder.name
    shutil.copytree(folder, copy)
    return copy


@pytest.fixture
def branch_ca(packed):
    return packed[1]


@pytest.fixture
def resign(packed):
    """Rewrite a package's manifest (change(manifest) edits it in place) and sign it again with
    the packer's key: the manifest is then authentic, whatever it says."""

    def apply(folder, change):
        manifest = json.loads((folder / "manifest.json").read_bytes())
        change(manifest)
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        (folder / "manifest.json").write_bytes(data)
        (folder / "manifest.json.p7s").write_bytes(cms.sign_detached(packed[2], data))
        return manifest

    return apply
