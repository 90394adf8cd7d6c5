"""Output versions of a page: ``<stem>/versions/vN/``, ``<stem>/current`` linking the current."""

from newsprint.versions.files import (
    MANIFEST,
    VersionError,
    articles_text,
    current_version,
    diff_articles,
    make_current,
    read_manifest,
    replace_link,
    version_dir,
    versions_on_disk,
    write_version,
)
from newsprint.versions.lock import PageBusyError, page_lock

__all__ = [
    "MANIFEST",
    "PageBusyError",
    "VersionError",
    "articles_text",
    "current_version",
    "diff_articles",
    "make_current",
    "page_lock",
    "read_manifest",
    "replace_link",
    "version_dir",
    "versions_on_disk",
    "write_version",
]
