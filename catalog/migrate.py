"""The catalog's schema, brought up to date with Alembic whenever a catalog is opened.

A new database gets every table from the migrations (``catalog/migrations``);
one made by a release before migrations (its tables, created by
``create_all``, but no ``alembic_version``) is stamped with the initial
revision, which is exactly that schema, and then upgraded like any other. Two
processes opening one new catalog at once are serialised: SQLite by an
immediate (write-locking) transaction, PostgreSQL by an advisory lock held to
the end of the transaction, in which the whole upgrade runs.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
INITIAL = "0001"
"""The schema the releases before migrations created."""
_PG_LOCK_KEY = 0x6E6577737072  # "newspr"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the catalog's migrations (no ``alembic.ini`` needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, f"no migrations in {MIGRATIONS}"
    return head


def schema_revision(connection: Connection) -> str | None:
    """The revision the database's schema is at (None: not under migrations)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> None:
    """Bring the database at ``engine`` to the newest revision (see the module)."""
    head = head_revision()
    with engine.connect() as connection:
        if schema_revision(connection) == head:
            return
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        current = schema_revision(connection)  # again: another process may have done it
        if current != head:
            config = alembic_config(connection)
            if current is None and inspect(connection).has_table("pages"):
                log.info("catalog made before migrations: stamped %s", INITIAL)
                command.stamp(config, INITIAL)
                current = INITIAL
            log.info("catalog schema: %s -> %s", current or "new", head)
            command.upgrade(config, "head")
        connection.commit()
