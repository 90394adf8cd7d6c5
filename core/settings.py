"""One typed settings object: defaults < a TOML file < ``NEWSPRINT_*`` env vars.

Nested groups are set from the environment with a double underscore, e.g.
``NEWSPRINT_OCR__DET_LIMIT_SIDE_LEN=4000``. The TOML file is the one given to
``load_settings`` (the command line's ``--config FILE``), else
``$NEWSPRINT_CONFIG``, else ``./newsprint.toml``; it is chosen when the
settings are loaded, never when this module is imported. A command loads its
settings once and passes them down.
"""

from __future__ import annotations

import ipaddress
import os
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

_HOST_NAME = re.compile(r"(\*\.)?[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?")
"""A host name as ``web.allowed_hosts`` takes it, or ``*.`` and a domain."""


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsprint"


class ScanSettings(BaseModel):
    max_pixels: int = 200_000_000
    """Refuse (before decoding) any image that declares more pixels than this.
    A 400-dpi broadsheet is about 9,000 x 14,000 = 126 Mpx."""
    max_file_bytes: int = 1_000_000_000
    split_folds: bool = True
    """A one-page scan holding two newspaper pages side by side (a fold) is read as
    its two pages, ``<stem>-p1`` and ``<stem>-p2`` (``layout.folds``)."""


class DeskewSettings(BaseModel):
    max_angle: float = 15.0
    """Largest skew searched, in degrees either way."""
    analysis_width: int = 1400
    """Width of the downscaled image the angle search runs on."""
    unusual_angle: float = 3.0
    """Skews larger than this get an ``unusual_skew`` flag."""


class LayoutSettings(BaseModel):
    columns: int | None = None
    """Force the number of columns (an archivist's override); None = detect."""
    min_rule_length_lines: float = 4.0
    """A rule is at least this many body line heights long."""
    headline_ratio: float = 1.45
    """A line this many times taller than body text is headline type."""
    bold_headline_ratio: float = 1.12
    """Short blocks between this and ``headline_ratio`` are headlines when bold."""
    bold_stroke_ratio: float = 1.3
    """Bold: strokes this many times thicker than body text's of the same size."""
    photo_min_lines: float = 4.0
    """A photo is at least this many body line heights in both directions."""


class DetectionSettings(BaseModel):
    """Whole-page text detection (``ocr.detect``): where the text is."""

    measure_side: int = 1600
    """The first pass reduces the page to at most this many pixels a side to
    measure the type size (a page that is smaller is detected as it is)."""
    target_line_px: float = 22.0
    """The detected line height the detector sees best, in detection pixels;
    the page is scaled so that its median line is this tall."""
    target_vertical_line_px: float = 32.0
    """The same for a page whose lines run down (vertical Chinese): the median
    line's width in detection pixels. At 22, vertical lines of small advert type
    set close together are run together (ECPO folds, coverage 1919 / 1940: 0.900
    / 0.937 at 22, 0.900 / 0.950 at 30, 0.927 / 0.943 at 32, 0.920 / 0.928 at 36)."""
    min_scale: float = 0.25
    max_scale: float = 3.0
    min_vertical_scale: float = 0.8
    """A page whose lines run down is detected at no less than this scale of
    its working image (within a tenth: a scale that near is not worth a pass;
    and where that pass finds under half the measuring pass's lines, at the
    type's own scale, as without the floor); the coarse pass for display
    type stays at the type's own scale. Its tiers are parted by hairline
    rules, often worn faint; reduced further, the detector no longer sees
    them and runs each column on into the tier below, where the columns
    stand half a column aside, so the box holds two columns' halves and is
    read as neither. ECPO's 晶報 of April 1919 (six folds, not in the shared
    set: 200 dpi, characters with punctuation dots beside them, boxes 58 px
    wide) measured at 0.46-0.63 and were read there: coverage of plain
    PaddleOCR's characters 0.837-0.958, mean 0.890; with this floor
    0.912-0.953, mean 0.927 (forced to 1.0 about the same, at more time).
    The shared 1919 fold's p. 4 (0.47 -> 0.8) reads a few characters of
    worn advert type differently: 0.951 -> 0.947. Plain PaddleOCR, limited
    to 4,000 px a side, reads these folds at 0.82. Fifty-sixth run."""
    keep_measured: tuple[float, float] = (0.75, 1.33)
    """The measuring pass's lines are kept, and the page not detected again,
    when their median height there (in detection pixels) lies within these
    multiples of the target (``target_line_px``, ``target_vertical_line_px``).
    The lower bound was 0.8: generated pages measured at 0.77 (17 pixels)
    read the same kept as detected again at 22, at 0.35-0.4 of the detection
    time; at 0.7, zh-hans-1004 (measured at 0.73) lost a story to a split
    (page CER 0.04% -> 25.5%), though two other pages at 0.73 read the same."""
    keep_measured_vertical: tuple[float, float] = (0.8, 1.33)
    """The same for a page whose lines run down: close-set vertical lines
    run together below the target (ECPO 1919's right page measured at 0.75
    and kept there: coverage 0.936 -> 0.925)."""

    @field_validator("keep_measured", "keep_measured_vertical")
    @classmethod
    def _low_then_high(cls, band: tuple[float, float]) -> tuple[float, float]:
        if not 0 < band[0] <= band[1]:
            raise ValueError(f"want (low, high) with 0 < low <= high, got {band}")
        return band

    min_lines_to_measure: int = 8
    min_work_line_px: float = 12.0
    """The working image is enlarged (by a whole factor) when its median
    detected line is shorter than this many pixels, so that layout's rules and
    gutters are a few pixels wide (``ocr.detect.enlargement``). Real pages
    measure 13.5 (TTW 1867's small adverts, 120 dpi) to 47 (NZZ, 300 dpi);
    the 1921 Port Gibson Reveille at about 55 dpi 11.2."""
    grey_line_factor: float = 1.25
    """... times this on a grey or colour scan (15 pixels): the hairlines of
    small type printed grey fall under the page's ink threshold (an 84-dpi
    Chinese page's 一 and 二 left white gaps lined up down a column, read as
    a gutter that cut every line in two), so such a page wants more pixels
    than a 1-bit scan, whose strokes the scanner made black (generated
    Chinese city-daily pages at 84 and 90 dpi measure 14.5; TTW 1867's 1-bit
    13.5 keeps its size)."""
    max_enlargement: int = 3
    """...at most this many times."""
    max_enlarged_pixels: int = 40_000_000
    """...and never to more pixels than this (memory)."""
    display_factor: float = 0.4
    """A second, coarse pass at this fraction of the body scale finds display
    type (headlines) whole; 0 turns it off."""
    tile_side: int = 2400
    """Detection works on tiles of at most this many pixels a side (memory)."""
    tile_overlap: int = 320
    """Neighbouring tiles overlap by this many detection pixels (0 up to
    ``tile_side``, not including it)."""

    @model_validator(mode="after")
    def _overlap_within_a_tile(self) -> DetectionSettings:
        if not 0 <= self.tile_overlap < self.tile_side:
            raise ValueError(
                f"tile_overlap must be at least 0 and under tile_side ({self.tile_side}), "
                f"got {self.tile_overlap}"
            )
        return self

    second_pass: bool = True
    """Look again, at a finer scale, at ink that looks like type but got no line."""
    second_pass_factor: float = 2.0
    """The second pass's scale, as a multiple of the first's."""
    unread_flag_share: float = 0.01
    """Flag ``unread_text`` when at least this share of the page's text area is
    type-like ink that no line covers."""


class OcrSettings(BaseModel):
    engine: Literal["onnxruntime", "onnxruntime-gpu", "paddle"] = "onnxruntime"
    """``onnxruntime`` (CPU); ``onnxruntime-gpu``: the same ONNX models on ONNX
    Runtime's CUDA execution provider (needs the ``onnxruntime-gpu`` package);
    ``paddle``: PaddlePaddle (``paddlepaddle-gpu`` on a GPU machine) with
    PaddlePaddle-format weights in ``weights_dir``."""
    device_id: int = 0
    """The GPU ``onnxruntime-gpu`` and ``paddle`` run on."""
    det_model_name: str = "PP-OCRv6_small_det"
    rec_model_name: str = "PP-OCRv6_small_rec"
    weights_dir: Path | None = None
    """Folder with the ONNX weights; None = the ones the rapidocr wheel ships."""
    cache_dir: Path = Field(default_factory=lambda: _default_cache_dir() / "models")
    """Where the PaddleOCR model folders (inference.onnx + inference.yml) are built."""
    threads: int | None = None
    """ONNX Runtime intra-op threads; None = the machine's cores."""
    inter_op_threads: int | None = None
    """ONNX Runtime inter-op threads (used only by parallel execution); None = its default."""
    graph_optimization: Literal["disable", "basic", "extended", "all"] = "all"
    """ONNX Runtime graph optimisation level."""
    memory_pattern: bool = True
    """ONNX Runtime's memory pattern (plans a run's allocations from the last run
    of the same shape)."""
    memory_arena: bool = True
    """ONNX Runtime's CPU memory arena: tensors carved out of memory it keeps
    (measured 0.81-0.97x the time of plain allocations per page). With
    ``arena_shrink`` its free chunks go back after every model run; without, it
    keeps its largest tensors and grows with every new input shape. Off, every
    tensor is allocated and freed (and trimmed per page)."""
    arena_shrink: bool = True
    """With the arena on, hand its unused chunks back after every model run."""
    det_limit_side_len: int = 2400
    """Detection resizes a block so its longest side is at most this; never
    the 960 px default that makes newspaper type unreadable."""
    det_thresh: float = 0.3
    det_box_thresh: float = 0.5
    det_unclip_ratio: float = 1.6
    rec_batch_size: int = 4
    """Most text lines recognised in one model run (lines are sorted by width
    first). Small batches are faster on a CPU (measured: 4 lines 0.80x the
    time of 16 with one thread); a GPU wants large ones."""
    rec_batch_pixels: int | None = None
    """Most model-input columns in one recognition run (lines x the widest line's
    width at the model's 48-pixel height): narrow lines go many to a batch, wide
    ones few. None: only ``rec_batch_size`` bounds a batch."""
    cjk_pitch: float | None = 32.0
    """Model columns per character that the lines of a Chinese page are narrowed
    to before recognition (``ocr.pitch``): ink-fitted lines give about 46, and
    the recogniser's time grows with the width. 0 or None: lines keep their width."""
    latin_head: bool = True
    """On a page whose pilot lines (``ocr.pitch``) read no Chinese, Japanese or
    Korean character (but a few strays in unsure Latin lines:
    ``ocr.latin_head.reads_latin_only``), read the rest with the recogniser's
    classifier cut to the Latin, Greek and Cyrillic classes
    (``ocr.latin_head``): the same text, in less time. ONNX Runtime engines
    only."""
    traditional_forms: bool = True
    """On a page in traditional Chinese, turn the characters the recogniser read
    in forms that exist only in simplified Chinese to their traditional forms
    (OpenCC; ``ocr.traditional``)."""
    low_confidence: float = 0.80
    """Pages whose mean line confidence is below this are flagged."""


class ArticleSettings(BaseModel):
    indent_chars: float = 0.8
    """An indent of at least this many character widths starts a paragraph."""


class OutputSettings(BaseModel):
    overlay_max_side: int = 2000
    write_overlay: bool = True
    write_alto: bool = True
    """``page.alto.xml`` (ALTO 4.4) next to ``page.json``."""
    write_pdf: bool = True
    """``page.pdf``: the deskewed scan with an invisible, searchable text layer."""
    pdf_jpeg_quality: int = Field(default=80, ge=10, le=100)
    """JPEG quality of a grey or colour page image in the PDF (bitonal pages: CCITT G4)."""
    pdf_font: Path | None = None
    """A real font to embed in the PDF text layer; None = a small glyphless font built per
    page (fast, covers every script; the text layer is invisible)."""


DEFAULT_ISSUE_PATTERN = (
    r"(?:^|/)(?P<title>[^/]+?)[/_](?P<date>\d{4}-\d{2}-\d{2}|\d{8})[/_](?P<page>[^/]+)\.[^./]+$"
)
"""``INBOX/<title>/<yyyy-mm-dd>/<page>.<ext>`` and ``<title>_<yyyymmdd>_<page>.<ext>``."""


class IssueSettings(BaseModel):
    """How scans are grouped into issues (one newspaper title's pages of one date)."""

    pattern: str = DEFAULT_ISSUE_PATTERN
    """A regular expression searched in each scan's path (relative to the inbox, with
    ``/`` between folders) with the named groups ``title`` and ``date`` (``yyyy-mm-dd``
    or ``yyyymmdd``) and, optionally, ``page`` (the pages' order; natural order, so
    ``2`` comes before ``10``). A scan it does not match belongs to no issue."""
    enabled: bool = True
    """False: no scan is grouped into an issue (``process --issue`` still makes one)."""

    @field_validator("pattern")
    @classmethod
    def _named_groups(cls, pattern: str) -> str:
        try:
            groups = re.compile(pattern).groupindex
        except re.error as exc:
            raise ValueError(f"issues.pattern is not a regular expression: {exc}") from None
        missing = {"title", "date"} - set(groups)
        if missing:
            raise ValueError(
                f"issues.pattern needs the named groups title and date "
                f"(missing: {', '.join(sorted(missing))})"
            )
        return pattern


class CatalogSettings(BaseModel):
    url: str | None = None
    """SQLAlchemy URL (``postgresql+psycopg://user@host/db``); None = SQLite
    ``catalog.sqlite`` under the output root."""
    lease_seconds: int = 1800
    """A running page whose claim is older than this may be taken by another run."""


class ScheduleSettings(BaseModel):
    inbox: Path = Path("inbox")
    """Folder ``newsprint serve`` watches for new scans."""
    out: Path = Path("out")
    """Output root (the catalog lives here unless ``catalog.url`` is set)."""
    cron: str | None = None
    """Cron expression for the ingest deployment (wins over ``interval_seconds``)."""
    interval_seconds: int = 900
    deployment_name: str = "newsprint-ingest"


class PrefectSettings(BaseModel):
    api_url: str | None = None
    """An existing Prefect server (``http://host:4200/api``); None = Prefect's own
    embedded local server with its SQLite database."""
    max_concurrent_pages: int = 2
    """Pages in flight at once in one flow run."""
    task_retries: int = 2
    """Retries of a page task on I/O errors."""
    retry_delay_seconds: float = 5.0
    page_timeout_seconds: float | None = 900.0
    """Per-page time limit of the ingest and reprocess flows: a page's work runs
    in a child process, killed after this long and the page recorded failed
    (None or 0: no limit, work in the worker's own process)."""
    local_server_port: int = 4200
    """Port of the local Prefect server ``newsprint serve`` starts when no
    ``api_url`` is set (its database: SQLite under ``PREFECT_HOME``)."""


class DaskSettings(BaseModel):
    address: str | None = None
    """Scheduler of an existing Dask cluster (``tcp://host:8786``); None = a
    LocalCluster started for the run."""
    workers: int = 1
    """LocalCluster worker processes (each loads the OCR models once)."""
    threads_per_worker: int = 1
    enabled: bool = True
    """False: run pages on Prefect's thread pool in the flow's own process."""


class WebSettings(BaseModel):
    host: str = "127.0.0.1"
    """Address ``newsprint web`` binds; any non-loopback address needs ``token``."""
    port: int = Field(default=8000, ge=1, le=65535)
    token: SecretStr | None = None
    """Shared secret every request must carry (login form, cookie or
    ``Authorization: Bearer``); required to serve on a non-loopback address."""
    preview_max_side: int = Field(default=2400, ge=200)
    """Longest side of the scan preview the page view draws regions over."""
    allowed_hosts: list[str] = Field(default_factory=list)
    """Host names (or addresses) the page may be reached under besides localhost,
    127.0.0.1, [::1] and ``host``: the machine's name when serving on 0.0.0.0, a
    reverse proxy's name; ``*.example.org`` takes its subdomains. A request whose
    ``Host`` header names anything else gets 400 (DNS rebinding). From the
    environment, a JSON list: ``NEWSPRINT_WEB__ALLOWED_HOSTS='["archive.example.org"]'``."""

    @field_validator("allowed_hosts")
    @classmethod
    def _host_names(cls, hosts: list[str]) -> list[str]:
        """Lower case; an IPv6 address in brackets, as a ``Host`` header carries it."""
        names = []
        for host in hosts:
            name = host.strip().lower()
            try:
                address = ipaddress.ip_address(name.strip("[]"))
            except ValueError:
                if not _HOST_NAME.fullmatch(name):
                    raise ValueError(
                        f"web.allowed_hosts: {host!r} is not a host name, an address or "
                        "'*.domain' (no port, no bare '*': that would accept any Host)"
                    ) from None
            else:
                name = f"[{address}]" if address.version == 6 else str(address)
            names.append(name)
        return names


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSPRINT_",
        env_nested_delimiter="__",
        extra="ignore",
    )

    scan: ScanSettings = Field(default_factory=ScanSettings)
    deskew: DeskewSettings = Field(default_factory=DeskewSettings)
    layout: LayoutSettings = Field(default_factory=LayoutSettings)
    detection: DetectionSettings = Field(default_factory=DetectionSettings)
    ocr: OcrSettings = Field(default_factory=OcrSettings)
    articles: ArticleSettings = Field(default_factory=ArticleSettings)
    output: OutputSettings = Field(default_factory=OutputSettings)
    catalog: CatalogSettings = Field(default_factory=CatalogSettings)
    issues: IssueSettings = Field(default_factory=IssueSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    prefect: PrefectSettings = Field(default_factory=PrefectSettings)
    dask: DaskSettings = Field(default_factory=DaskSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    language: Literal["auto", "zh", "en"] = "auto"
    """Detected per page by default; an archivist's override can force it."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_chosen_file.get() or config_file())
        return (init_settings, env_settings, toml)


class ConfigFileError(ValueError):
    """The settings file named on the command line does not exist."""


_chosen_file: ContextVar[Path | None] = ContextVar("newsprint_config_file", default=None)
"""The file ``load_settings`` was given, while it builds the settings."""


def config_file(config: Path | str | None = None) -> Path:
    """The TOML file settings are read from: ``config``, else ``$NEWSPRINT_CONFIG``,
    else ``./newsprint.toml`` (looked up now, in the current directory). Only
    ``config`` must exist; the others are skipped when they do not."""
    if config is not None:
        return Path(config)
    return Path(os.environ.get("NEWSPRINT_CONFIG") or "newsprint.toml")


def load_settings(config: Path | str | None = None, **values: object) -> Settings:
    """Settings from ``config`` (or ``$NEWSPRINT_CONFIG``, or ``./newsprint.toml``),
    then the ``NEWSPRINT_*`` environment variables, then ``values`` (init
    overrides such as ``language="zh"``). Raises ``ConfigFileError`` when
    ``config`` is given and is not a file, pydantic's ``ValidationError`` on a
    bad value and ``tomllib.TOMLDecodeError`` on a malformed file."""
    path = config_file(config)
    if config is not None and not path.is_file():
        raise ConfigFileError(f"settings file {path} not found")
    token = _chosen_file.set(path)
    try:
        return Settings(**values)  # type: ignore[arg-type]
    finally:
        _chosen_file.reset(token)
