"""The layout stage's thresholds, in one place, grouped by what they decide.

Every threshold of ``layout/`` is a field of a frozen dataclass here, with a
docstring that says what it decides, in which unit, and what it was tuned on.
The units are the page's own measures, so that a value holds at any dpi:

- ``body``: the body type's line height (``NewspaperPage.body_px``, the median
  detected line height, in working-image pixels);
- ``em``: the body type's glyph height (x-height and a little, ``layout.metrics``);
- a share (0-1) of a box, a line, a column or the page;
- pixels only where nothing is measured yet (the type size itself, the
  scanner's border), each saying why.

Modules import the instance they need (``from newsprint.layout.params.rules
import RULES``) and read it (``RULES.max_thickness``). Thresholds an archivist
sets per collection are not here but in ``Settings.layout``.

The files, by what they decide:

- ``type_size``: larger than body type, display type (shared by every finder);
- ``page``: orientation, skew, the scanner's border, punch holes, folds;
- ``ink``: ink masks, the paper's level, glyph and body line height, which
  way a line box runs;
- ``rules``: what a rule is (solid, dashed, dotted) and what is not;
- ``separators``: lines of type smeared from the ink, white corridors,
  gutters, the column grid;
- ``photos``: picture ink, which pieces are one photo;
- ``textlines``: detected lines fitted to their ink and cut at separators
  (``layout.textlines``, ``layout.line_cuts``, ``layout.gutter_votes``);
- ``direction``: horizontal or vertical text;
- ``blocks``: lines stacked into blocks, the body measure, region columns;
- ``roles``: headlines, captions, running heads and folios, adverts, the
  nameplate;
- ``tables``: cells, rows, columns, tables.
"""
