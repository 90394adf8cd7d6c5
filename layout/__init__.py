"""Deskew, border crop and page segmentation with OpenCV.

Stages: :func:`layout.deskew.deskew` then :func:`layout.segmentation.segment`.
"""

from newsprint.layout.deskew import deskew, estimate_skew
from newsprint.layout.segmentation import segment

__all__ = ["deskew", "estimate_skew", "segment"]
