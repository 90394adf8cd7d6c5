"""The working image's geometry: a deskew's rotation, an enlargement for small
type, and their mapping back to scan pixels."""

from __future__ import annotations

import numpy as np
import pytest
from newsprint.core.page import PageGeometry
from newsprint.layout.deskew import rotate_page


@pytest.mark.parametrize("angle", [0.017, -0.049, 0.211, -1.024, 1.251, -2.987])
def test_a_deskewed_page_is_not_taken_for_an_enlarged_one(angle: float) -> None:
    # A rotation's matrix keeps the scale at 1 only to within rounding (one
    # angle in five gave 0.9999999999999999): enough to take a page for
    # enlarged if the scale were compared with 1 exactly.
    _, back = rotate_page(np.full((300, 200), 255, np.uint8), angle)
    geometry = PageGeometry(to_scan=back.tolist(), work_size=(210, 310))
    assert not geometry.is_enlarged()
    assert geometry.scan_per_work() == pytest.approx(1.0)
    assert geometry.enlarged(2).is_enlarged()


def test_an_enlarged_geometry_maps_its_pixels_to_the_same_scan_points() -> None:
    _, back = rotate_page(np.full((300, 200), 255, np.uint8), 1.5)
    geometry = PageGeometry(
        to_scan=back.tolist(), work_size=(210, 310), content_box=(5, 6, 200, 300)
    )
    big = geometry.enlarged(3)
    assert big.work_size == (630, 930) and big.content_box == (15, 18, 600, 900)
    assert big.scan_per_work() == pytest.approx(1 / 3)
    points = np.array([[0.0, 0.0], [100.0, 40.0], [209.0, 309.0]])
    assert np.allclose(big.to_scan_points(points * 3), geometry.to_scan_points(points))
    assert np.allclose(big.to_work_points(geometry.to_scan_points(points)), points * 3)
