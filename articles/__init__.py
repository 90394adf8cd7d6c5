"""Reading order and article assembly, after layout and OCR.

Stage: :func:`articles.assembly.assemble`.
"""

from newsprint.articles.assembly import assemble

__all__ = ["assemble"]
