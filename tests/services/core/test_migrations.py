"""The Alembic revisions build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from webapp.extensions import db


def test_the_migrated_schema_matches_the_models(app):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), db.metadata)
    assert diff == []


def test_migrations_downgrade_to_nothing_and_upgrade_again(app):
    from flask_migrate import downgrade, upgrade

    downgrade(revision="base")
    with db.engine.connect() as conn:
        assert db.inspect(conn).get_table_names() in ([], ["alembic_version"])
    upgrade()
    with db.engine.connect() as conn:
        assert "movements" in db.inspect(conn).get_table_names()
