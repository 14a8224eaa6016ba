"""Head office's store: a path or a URL, made and upgraded by its own migrations, reopened as
it is."""

from sqlalchemy import inspect, text

from branchcheck.headoffice.store import database_url, open_headoffice


def test_a_path_is_an_sqlite_url_and_a_url_stays_as_given(tmp_path):
    assert database_url(tmp_path / "ho.sqlite3") == f"sqlite:///{tmp_path / 'ho.sqlite3'}"
    url = "postgresql+psycopg://ho@localhost/ho"
    assert database_url(url) == url


def test_opening_creates_every_table_at_the_newest_revision(db_url):
    db = open_headoffice(db_url)
    tables = set(inspect(db.engine).get_table_names())
    assert {"trust_anchor", "branch", "package", "record", "finding", "receipt"} <= tables
    assert "ho_signer" in tables
    db.dispose()
    again = open_headoffice(db_url)
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"
    again.dispose()


def test_the_migrations_make_what_the_models_say(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from branchcheck.headoffice.models import HeadOfficeBase

    db = open_headoffice(db_url)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), HeadOfficeBase.metadata) == []
    db.dispose()


def test_anchors_trusted_before_0003_say_who_trusted_them_was_not_recorded(tmp_path):
    from sqlalchemy import create_engine

    from branchcheck.headoffice.store import upgrade
    from branchcheck.headoffice.trust import NOT_RECORDED, trust_list

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO trust_anchor (label, pem, fingerprint, added_at, removed_at) "
                "VALUES ('CN=旧 CA', 'pem', 'ab12', '2026-11-01T09:00:00+08:00', NULL)"
            )
        )
    engine.dispose()
    db = open_headoffice(url)
    [old] = trust_list(db)
    assert (old.label, old.added_by, old.removed_by) == ("CN=旧 CA", NOT_RECORDED, None)
    db.dispose()
