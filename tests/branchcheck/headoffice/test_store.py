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
    db.dispose()
    again = open_headoffice(db_url)
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    again.dispose()
