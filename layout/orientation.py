"""Quarter-turn orientation: is the print running across the page or up it?

Text lines give a sharp projection profile along their direction only, so
comparing the sharpest row profile with the sharpest column profile tells a
page turned by 90° from an upright one. Telling 0° from 180° (or 90° from
270°) needs the recogniser, see :mod:`ocr.orientation`.
"""

from __future__ import annotations

import numpy as np
from newsprint.layout.deskew import _analysis_ink, _best_angle, _profile_score
from newsprint.layout.params.page import ORIENTATION


def sideways(grey: np.ndarray, max_angle: float = ORIENTATION.max_skew) -> bool:
    """True when the text lines run vertically (the page is turned 90° or 270°)."""
    ink = _analysis_ink(grey, ORIENTATION.analysis_width_px)
    if ink.sum() == 0:
        return False
    return _sharpness(ink.T, max_angle) > ORIENTATION.sideways_margin * _sharpness(ink, max_angle)


def _sharpness(ink: np.ndarray, max_angle: float) -> float:
    angle = _best_angle(ink, np.arange(-max_angle, max_angle + 1e-9, ORIENTATION.skew_step))
    ys, xs = np.nonzero(ink)
    score = _profile_score(xs.astype(np.float64) - ink.shape[1] / 2, ys.astype(np.float64), angle)
    return score / max(1, xs.size) ** 2 * ink.shape[0]


def rotation_matrix(quarter_turns: int, width: int, height: int) -> np.ndarray:
    """3x3 map from the image turned clockwise by ``quarter_turns`` (np.rot90
    with k=-quarter_turns) back to the unturned image's pixels."""
    k = quarter_turns % 4
    if k == 0:
        return np.eye(3)
    if k == 1:  # turned clockwise: new (x, y) came from (y, H-1-x)
        return np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, height - 1.0], [0.0, 0.0, 1.0]])
    if k == 2:
        return np.array([[-1.0, 0.0, width - 1.0], [0.0, -1.0, height - 1.0], [0.0, 0.0, 1.0]])
    return np.array([[0.0, -1.0, width - 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
