"""Reading order and article assembly, after layout and OCR.

Stage: :func:`articles.assemble.assemble`.
"""

from articles.assemble import assemble

__all__ = ["assemble"]
