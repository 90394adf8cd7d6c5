"""The article stage's thresholds, in one place, grouped by what they decide.

Every threshold of ``articles/`` is a field of a frozen dataclass here, with a
docstring that says what it decides, in which unit, and what it was tuned on.
The units are the page's own measures, so that a value holds at any dpi:

- ``body``: the body type's line height (``NewspaperPage.body_px``, the median
  detected line height, in working-image pixels; on a vertical page the
  thickness of a column of characters);
- ``char``: a character's width on its line (``articles.paragraphs``: the
  line's width over its characters, at least ``PARAGRAPHS.min_char_width``
  body; a body height for Chinese, whose characters are square);
- ``letter``: half a line's height (``articles.roles``: a capital's width,
  where a line's characters are not counted);
- a share (0-1) of a box, a line, a column or the page;
- counts of characters, letters, words or lines of the recognised text;
- Zipf values (wordfreq's scale: log10 of a word's frequency per billion
  words; 3 is once per million) where the words decide;
- pixels only where a box's edge is compared with a rule's centre line
  (``NEIGHBOURS.edge_slack_px``), saying why.

Modules import the instance they need (``from newsprint.articles.params.bands
import ABOVE``) and read it (``ABOVE.new_band_gap``). Thresholds an archivist
sets per collection are not here but in ``Settings.articles``.

Where a commit is named, the value came with it; the pages named after it
are those its message names (the NCSE and NZZ pages are the real scans of
``../shared/real_scans/``, en-old-1001 a generated page of the tuning set),
and "no page named" says its message names none.
"""
