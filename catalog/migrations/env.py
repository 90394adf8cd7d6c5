"""Alembic environment for the catalog.

``catalog.migrate.upgrade_schema`` hands in an open connection (in
``config.attributes["connection"]``). From the command line (``alembic.ini``
at the top of the checkout) the database is ``-x url=...``, else
``NEWSPRINT_CATALOG__URL``, else ``sqlite:///catalog.sqlite``.
"""

from __future__ import annotations

import os

from alembic import context
from newsprint.catalog.models import Base
from sqlalchemy import create_engine

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return (
        context.get_x_argument(as_dictionary=True).get("url")
        or os.environ.get("NEWSPRINT_CATALOG__URL")
        or "sqlite:///catalog.sqlite"
    )


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite's ALTER TABLE is weak
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (given := config.attributes.get("connection")) is not None:
    _run(given)
else:
    engine = create_engine(_url())
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()
