"""What is a photo (``layout.photos``): halftones, continuous-tone pictures and
line art, told from type by their ink; which pieces are one picture; what of
the ink around it belongs to it.

``layout.photos`` measures in ``body``: its functions' argument named ``em`` is
the body line height (``layout.segmentation`` passes ``body``). How big a
photo is at least is an archivist's setting (``Settings.layout.photo_min_lines``).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PictureInkParams:
    """When a patch of ink is a picture, not type (``layout.photos.find_photos``,
    ``_looks_like_picture``): big, dense or grey, without the white rows
    between lines of text."""

    close: float = 0.25
    """The ink is closed over a square this many × body wide (at least
    ``min_close_px``) so that a halftone's dots make one patch. Since the
    first segmentation (08f9714); not tuned since."""

    min_close_px: int = 3
    """The floor under ``close``, in pixels: a kernel at least 3 wide for a
    measured body absurdly small. Not tuned: a safe bound."""

    white_row_ink: float = 0.01
    """A row of the patch with less than this share of ink is white (the space
    between two lines of text). Share of the row's pixels; since the first
    segmentation (08f9714)."""

    max_white_rows: float = 0.12
    """A patch with more than this share of white rows is text (type has white
    leading between its lines). Share of the patch's rows; since the first
    segmentation (08f9714)."""

    mid_grey_dark: float = 0.25
    """A pixel is mid-grey (a continuous tone) when lighter than this share of
    the paper's grey level... Share of ``paper_level``; since the first
    segmentation (08f9714)."""

    mid_grey_light: float = 0.8
    """...and darker than this share of it. Since the first segmentation
    (08f9714)."""

    min_mid_grey: float = 0.2
    """A patch with more than this share of mid-grey pixels is a picture...
    Share of the patch's pixels; since the first segmentation (08f9714)."""

    min_density: float = 0.4
    """...or with more than this share of ink (line art, a dark halftone): type
    covers less of its box. Share of the patch's pixels; since the first
    segmentation (08f9714)."""


PICTURE_INK = PictureInkParams()


@dataclass(frozen=True)
class HatchingParams:
    """Line art shaded by hatching (``layout.photos.is_hatched``): a map's sea
    drawn as thin parallel lines, a drawing's shadow. Such a picture is
    neither dense nor grey, and has too few white rows to be told from type,
    so ``PictureInkParams`` take it for text: NZZ 1940's map of Norway (a
    column and a half wide, hatched sea) was read as four stories of place
    names between the two parts of the lead story, and so was the unseen NZZ
    1943's map of southern Italy. Type makes no such stack: its horizontal
    strokes are short and stand among heavier ones, and ruled rows (a table,
    a rate card) stand a line or more apart. Horizontal hatching only: both
    maps' seas are hatched so; no page seen has diagonal hatching."""

    min_length: float = 0.6
    """× body: a hatch line is a run of ink at least this long across (the
    1943 map's lines are broken every few millimetres) ..."""

    max_thickness: float = 0.25
    """× body: ... and thinner than this (a heavy stroke, a bar or a solid
    patch is no hatching). The NZZ maps' lines are 3-5 pixels, body 33-35."""

    tile: float = 2.0
    """× body: the patch is judged in square tiles this wide ..."""

    tile_ink: float = 0.03
    """... a tile holding at least this share of ink ..."""

    tile_share: float = 0.5
    """... at least this share of it in hatch lines ..."""

    tile_lines: int = 3
    """... at least this many of them one over another (rows of the tile
    holding half a hatch line's length) is hatched."""

    min_share: float = 0.2
    """A share of the patch's tiles: a patch this much hatched is a picture
    (NZZ 1940's map 0.42, NZZ 1943's 0.34; no other patch of either page,
    its black-letter nameplate included, has a hatched tile)."""


HATCHING = HatchingParams()


@dataclass(frozen=True)
class PhotoPieceParams:
    """When pieces of a picture are one (``layout.photos.merge_photo_pieces``):
    a picture's light patches (sky, a white wall) cut it into pieces; clean
    white paper (a gutter) between two pictures keeps them apart."""

    touch_pad: float = 0.3
    """Pieces closer than this many × body (their boxes grown by it overlap) are
    one. Set by hand on the synthetic tuning set (bc350d1)."""

    level: float = 0.5
    """Pieces side by side whose tops, and whose feet, are within this many ×
    body of each other stand level... Set by hand on the synthetic tuning set
    (bc350d1)."""

    max_gap: float = 3
    """...and level pieces up to this many × body apart are one when the space
    between them is inked (a light patch, not a gutter) (ec3e116)."""

    clear_gap: float = 1.5
    """Level pieces under this many × body apart are one whatever lies between
    (narrower than a gutter) (ec3e116)."""

    inked_share: float = 0.02
    """The space between two level pieces is inked (part of the picture) when
    more than this share of it is ink; clean paper has less. Share of the
    space's pixels; set by hand (ec3e116)."""


PHOTO_PIECES = PhotoPieceParams()


@dataclass(frozen=True)
class PhotoEdgeParams:
    """What around a photo belongs to it (``layout.photos.absorb_frames``,
    ``blank_photos``)."""

    frame_reach: float = 0.8
    """A rule whose both ends lie within this many × body of a photo is the
    photo's frame and joins it. Since the first segmentation (08f9714)."""

    rule_back: float = 6.0
    """× body: a rule a photo took in comes back when the photo is found to
    be no photo (``frames_of_no_photo``) only this long or longer: a column
    rule or a rule across a story's column. Shorter ones in a page's print
    run together into one "photo" are as often strokes of its pictures
    (the Oakland page's adverts: four of 4-5 body lines, whose x then
    counted as a column rule's place down the page, and "Everything" was
    cut at a 3-px space). Not tuned beyond those two pages."""

    blank_pad: float = 0.2
    """The text ink is blanked this many × body beyond each photo's box (its
    frayed edge and frame are not type). Set by hand on the synthetic tuning
    set (cc724d4)."""


PHOTO_EDGES = PhotoEdgeParams()


@dataclass(frozen=True)
class PagePhotoParams:
    """A "photo" that is a page's print run together (``without_page_photos``):
    on a page of adverts and pictures among vertical type, the pictures,
    display type and rules join into one "photo" over most of the page; on a
    page whose scanner frame floats inside the scan (the scan turned and padded
    with white), the frame joins the columns into one. Both values from ECPO's
    1919 晶報 fold, right page: one photo and nothing read, then 32 text blocks
    and 25 headlines (commit 52d4567)."""

    min_share: float = 0.4
    """A share of the printed area (the content box): a "photo" larger than this ..."""

    min_lines: int = 20
    """... holding at least this many detected lines is text, no picture (a
    picture's sign or a display advert's words are a few). Set on ECPO's
    vertical pages; on pages of lines across only the Oakland page turned
    inside a white pad (98 lines) has met it, no generated page."""


PAGE_PHOTO = PagePhotoParams()


@dataclass(frozen=True)
class PictureLabelParams:
    """A picture's label standing over its top edge
    (``layout.picture_labels``). Measured on 东莞日报 of 2026, A03 (body 24
    px at twice the scan's size): the labels' feet 10-13 px over the
    diagram's box, their next lines 4-9 px under them, the story's lead
    level with them 93 px left of the diagram; not tuned."""

    edge: float = 0.75
    """× body: the label's foot lies within this of the photo's top."""

    leading: float = 0.5
    """× body: its next line, the picture's text, starts within this of the
    label's foot (under it, or over it by as much)."""

    overlap: float = 0.5
    """The label and its next line share this much of the narrower's width."""

    max_width: float = 0.5
    """A label is no wider than this share of its photo."""

    beside: float = 1.5
    """× body: a line level with the label this near the photo's side,
    outside it, makes it a column's line, no label (a gutter is narrower)."""

    max_rows: int = 3
    """A label's rows are taken one at a time, up to this many."""


PICTURE_LABELS = PictureLabelParams()


@dataclass(frozen=True)
class PhotoTrimParams:
    """A photo's box drawn back off a column's lines it took in
    (``layout.photo_edges``). From 頭條日報 of 18 February 2025, p1 (body
    about 20 px): a column's last line 8 px over a photo, inside its box
    from the closing; not tuned."""

    leading: float = 0.6
    """× body: its column's line outside stands within this of it."""

    overlap: float = 0.5
    """The two share this much of the narrower's width."""

    aligned: float = 0.5
    """× body: ... and one end of each stands within this of the other's: a
    column's edge (a picture's label under a column's line is not set so)."""

    paper_reach: float = 1.0
    """× body: past the lines taken off, a row of paper across their width
    lies within this (a picture's own text stands on its ink)."""

    paper_share: float = 0.02
    """A row with ink in at most this share of its pixels is paper."""

    size_ratio: float = 1.4
    """... and are of type within this ratio of each other's height."""

    max_width: float = 0.8
    """A line over this share of the photo's width spans the picture: a
    caption or a title, no column's line."""

    max_lines: int = 3
    """At most this many lines are taken off each edge."""

    pad: float = 0.1
    """× body: the edge is drawn back this far past the line."""

    min_height: float = 3.0
    """× body: a photo drawn back to less than this stays as it was."""


PHOTO_TRIM = PhotoTrimParams()
