"""Output versions of a page: ``<stem>/versions/vN/``, the current one copied to ``<stem>/``."""

from newsprint.versions.files import (
    MANIFEST,
    VersionError,
    articles_text,
    current_version,
    diff_articles,
    make_current,
    read_manifest,
    version_dir,
    versions_on_disk,
    write_version,
)

__all__ = [
    "MANIFEST",
    "VersionError",
    "articles_text",
    "current_version",
    "diff_articles",
    "make_current",
    "read_manifest",
    "version_dir",
    "versions_on_disk",
    "write_version",
]
