"""Where scans come from, behind one small interface (``ScanStore``).

``LocalFolderStore`` reads a folder; an object store (S3, GCS) can follow by
implementing the same four methods and registering its URL scheme in
``open_store``.
"""

from newsprint.store.base import ScanStore, open_store
from newsprint.store.local import LocalFolderStore

__all__ = ["LocalFolderStore", "ScanStore", "open_store"]
