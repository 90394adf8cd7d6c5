"""Type size: how much larger than body type a line must be to count as
larger, as display type, or as no body type at all.

The one place for the idea "larger than body type", which layout's finders
share. All values are × body (the body type's line height); a line's size is
its height (its width when it runs down the page). The story headline's own
threshold is an archivist's setting, ``Settings.layout.headline_ratio``
(1.45), between ``display`` and ``surely_display``; a running head's largest
size is ``layout.params.roles.RUNNING_HEADS.max_size`` and a heading set in
body-size capitals' is ``articles.params.columns.COLUMN_PAGE.max_heading_size``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeSizeParams:
    """Thresholds on a line's size against body type, × body."""

    larger: float = 1.1
    """Type at least this large is larger than body type (a small bold
    headline): its word spaces are wider, so only a full body line of white
    parts two such pieces at a gutter (``layout.lines``). Set with a small bold
    headline over a gutter (commit 3f12352; en-1004 of the synthetic tuning
    set)."""

    display: float = 1.3
    """Type larger than this is display type, as a headline's: a row whose
    tallest piece is this large and whose pieces stand close is one display
    line (``layout.lines``, b5e911b); a framed block whose lines are this
    large makes the frame an advertisement, and is a headline again when the
    frame turns out to be a table's rules (``layout.roles``,
    ``layout.tables``, 70d3e18). A line no larger is body type, cut at white
    corridors and at an archivist's column grid (``layout.line_cuts``,
    81d1183, 9c5c91f: 'Harbour Bridge' was cut in two). Set by hand on the
    synthetic tuning set. Two pieces of a row both larger than this are
    display type however far apart they stand (``layout.lines``): that test
    was at 1.4 since the first segmentation (08f9714); at 1.3 every page of
    the behaviour check (33 pages: the real scans, generated pages, the
    cases) reads the same, so it is this one bound."""

    surely_display: float = 1.6
    """No line of body type is this large, even padded by the detector: a
    detected line larger is display type (the NZZ's black-letter nameplate,
    fb46e3c), never a table cell (70f5e2a), and a "photo" filled with lines
    up to this size is type (81d1183). ``layout.tables`` also measures its
    search reach in it (the largest cell)."""


TYPE_SIZE = TypeSizeParams()
