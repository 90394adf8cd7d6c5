"""The catalog: every scan, page and output version, in a real database.

SQLite under the output root by default, PostgreSQL by URL
(``postgresql+psycopg://user@host/db``). See ``catalog.api.Catalog``.
"""

from newsprint.catalog.api import (
    Catalog,
    CatalogError,
    CatalogUnavailable,
    IssueInfo,
    NewVersion,
    PageInfo,
    PageNotFound,
    ScanInfo,
    VersionInfo,
    claimant_id,
    connect,
    default_url,
    pid_alive,
)
from newsprint.catalog.models import PageStatus

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogUnavailable",
    "IssueInfo",
    "NewVersion",
    "PageInfo",
    "PageNotFound",
    "PageStatus",
    "ScanInfo",
    "VersionInfo",
    "claimant_id",
    "connect",
    "default_url",
    "pid_alive",
]
