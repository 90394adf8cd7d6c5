"""``newsprint web``: the archivists' review page (FastAPI, server-rendered Jinja2).

All data comes from the catalog and the output folders; every change goes
through the code the command line uses: the Prefect ``reprocess`` flow,
``pipeline.jobs.restore``, ``Catalog.mark_reviewed``, ``versions.diff_articles``.

The catalog, the output files and image decoding are blocking calls: every
handler that touches them is a plain ``def``, which FastAPI runs in its thread
pool, so a slow query or a big scan's preview never holds up other requests. A
handler that needs the posted form gets it from the ``_form`` dependency, read
on the event loop. Only handlers that do no I/O (login, job state) are
``async``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from newsprint.catalog import Catalog, CatalogError, PageInfo, PageNotFound, PageStatus
from newsprint.core.settings import Settings, load_settings
from newsprint.pipeline.overrides import Overrides, RegionOverride, parse_box
from newsprint.versions import VersionError, diff_articles
from newsprint.web import data
from newsprint.web.jobs import ReprocessJobs
from newsprint.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    TOKEN_COOKIE,
    check_csrf,
    csrf_token,
    request_token,
    safe_path,
    same_secret,
    trusted_hosts,
    valid_stem,
)
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
OPEN_PATHS = ("/login", "/static/")


def create_app(
    out_root: Path, settings: Settings | None = None, host: str | None = None
) -> FastAPI:
    """The review application over the outputs (and catalog) under ``out_root``,
    served on ``host`` (default ``web.host``): it answers only requests whose
    ``Host`` header names loopback, ``host`` or one of ``web.allowed_hosts``."""
    settings = settings or load_settings()
    out_root = Path(out_root).resolve()
    app = FastAPI(
        title="newsprint review",
        dependencies=[Depends(check_csrf)],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=_lifespan,
    )
    app.state.out_root = out_root
    app.state.settings = settings
    app.state.catalog = Catalog.open(settings.catalog.url, out_root)
    app.state.jobs = ReprocessJobs(out_root, settings)
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.middleware("http")(_guard)
    # Added last, so outermost: a foreign Host is refused before anything else runs.
    hosts = trusted_hosts(host or settings.web.host, settings.web.allowed_hosts)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)
    app.state.trusted_hosts = hosts
    _routes(app)
    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    # Stopping an embedded Prefect server waits for its queued logs: off the loop.
    await run_in_threadpool(app.state.jobs.shutdown)


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["csrf_field"] = CSRF_FIELD
    templates.env.filters["urlquote"] = lambda s: quote(str(s), safe="")
    return templates


async def _guard(request: Request, call_next: Any) -> Response:
    """Token check (when a token is set), then the CSRF cookie for new browsers."""
    token = request.app.state.settings.web.token
    path = request.url.path
    if (
        token
        and not path.startswith(OPEN_PATHS)
        and not same_secret(request_token(request), token.get_secret_value())
    ):
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            return RedirectResponse(f"/login?next={quote(path)}", status_code=303)
        return JSONResponse({"detail": "a valid token is required"}, status_code=401)
    response = await call_next(request)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")
    return response


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context = {"csrf": csrf_token(request), "request": request, **context}
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


async def _form(request: Request) -> FormData:
    """The posted form, read on the event loop for a handler run in the thread pool
    (Starlette keeps it: the CSRF check has already read it)."""
    return await request.form()


Form = Annotated[FormData, Depends(_form)]


def _page_info(request: Request, stem: str) -> PageInfo:
    valid_stem(stem)
    try:
        info = request.app.state.catalog.page(stem)
    except PageNotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    if info.stem != stem:  # a numeric id that named another page's folder
        raise HTTPException(404, f"no page {stem!r}")
    safe_path(request.app.state.out_root, info.stem)
    return info


def _routes(app: FastAPI) -> None:
    app.get("/", response_class=HTMLResponse)(page_list)
    app.get("/login", response_class=HTMLResponse)(login_form)
    app.post("/login")(login)
    app.get("/pages/{stem}", response_class=HTMLResponse)(page_view)
    app.get("/pages/{stem}/scan.jpg")(scan_image)
    app.get("/pages/{stem}/files/{name}")(download)
    app.get("/issues/{key:path}/files/{name}")(issue_download)
    app.get("/pages/{stem}/diff", response_class=HTMLResponse)(diff_view)
    app.post("/pages/{stem}/reprocess")(reprocess)
    app.post("/pages/{stem}/restore")(restore)
    app.post("/pages/{stem}/reviewed")(reviewed)
    app.get("/jobs/{job_id}")(job_state)


# ---- list ------------------------------------------------------------------------------


def page_list(
    request: Request,
    status: str | None = None,
    q: str | None = None,
    reason: str | None = None,
    since: str | None = None,
    until: str | None = None,
    issue: str | None = None,
) -> HTMLResponse:
    catalog: Catalog = request.app.state.catalog
    wanted = data.PageFilter(
        status or None, q or None, reason or None, _day(since), _day(until), issue or None
    )
    try:
        pages = data.list_pages(catalog, wanted)
    except CatalogError as exc:
        raise HTTPException(404, str(exc)) from exc
    return _render(
        request,
        "list.html",
        pages=pages,
        issues=data.issues_view(catalog),
        counts=catalog.counts(),
        reasons=data.reason_counts(catalog),
        wanted=wanted,
        statuses=data.STATUSES,
        flag_codes=data.flag_codes,
    )


def _day(text: str | None) -> date | None:
    """A date from the filter form (an empty or malformed field filters nothing)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


# ---- login -----------------------------------------------------------------------------


async def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return _render(request, "login.html", next=_local_target(next), error=None)


async def login(request: Request) -> Response:
    form = await request.form()
    token = request.app.state.settings.web.token
    target = _local_target(str(form.get("next") or "/"))
    if token is None or not same_secret(str(form.get("token") or ""), token.get_secret_value()):
        return _render(request, "login.html", 401, next=target, error="wrong token")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        TOKEN_COOKIE, token.get_secret_value(), httponly=True, samesite="strict", path="/"
    )
    return response


def _local_target(target: str) -> str:
    """Only a path on this site (no open redirect to another host)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


# ---- one page --------------------------------------------------------------------------


def page_view(
    request: Request, stem: str, v: int | None = None, job: int | None = None
) -> HTMLResponse:
    return _page_response(request, _page_info(request, stem), v, job)


def _page_response(
    request: Request,
    info: PageInfo,
    version: int | None = None,
    job_id: int | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    out_root: Path = request.app.state.out_root
    jobs: ReprocessJobs = request.app.state.jobs
    shown = version or info.current_version
    page = data.read_page_json(out_root, info.stem, version) if shown else None
    if version and page is None:
        raise HTTPException(404, f"{info.stem} has no version v{version} on disk")
    regions = data.regions_view(page) if page else []
    job = jobs.get(job_id) if job_id else None
    return _render(
        request,
        "page.html",
        status,
        info=info,
        page=page,
        shown=shown,
        viewing_old=bool(version and version != info.current_version),
        regions=regions,
        labels=data.article_labels(regions),
        articles=data.articles_view(page) if page else [],
        versions=request.app.state.catalog.versions(info.id),
        issue=request.app.state.catalog.issue_of(info.id),
        downloads=[n for n in data.DOWNLOADS if _has_file(out_root, info.stem, n, version)],
        region_types=data.REGION_TYPES,
        overrides=info.overrides,
        job=job if job and job.stem == info.stem else None,
        active=jobs.active(info.stem),
        error=error,
    )


def _has_file(out_root: Path, stem: str, name: str, version: int | None) -> bool:
    return (data.page_folder(out_root, stem, version) / name).is_file()


def scan_image(request: Request, stem: str) -> Response:
    info = _page_info(request, stem)
    try:
        jpeg = data.scan_preview(request.app.state.catalog, info, request.app.state.settings)
    except Exception as exc:  # a scan gone from its inbox: say so instead of a broken image
        raise HTTPException(404, f"{info.stem}: scan not available ({exc})") from exc
    return Response(jpeg, media_type="image/jpeg", headers={"Cache-Control": "max-age=3600"})


def download(request: Request, stem: str, name: str, v: int | None = None) -> Response:
    info = _page_info(request, stem)
    if name not in data.DOWNLOADS:
        raise HTTPException(404, f"no output {name!r}")
    folder = data.page_folder(request.app.state.out_root, info.stem, v)
    path = safe_path(folder, name)
    if not path.is_file():
        raise HTTPException(404, f"{info.stem} has no {name}")
    filename = f"{info.stem}-v{v}-{name}" if v else f"{info.stem}-{name}"
    return FileResponse(path, media_type=data.DOWNLOADS[name], filename=filename)


def issue_download(request: Request, key: str, name: str) -> Response:
    """``issue.mets.xml`` or ``issue.pdf`` of an issue the catalog knows (current version)."""
    try:
        issue = request.app.state.catalog.issue(key)
    except CatalogError as exc:
        raise HTTPException(404, str(exc)) from exc
    if name not in data.ISSUE_DOWNLOADS:
        raise HTTPException(404, f"no issue file {name!r}")
    path = data.issue_file(request.app.state.out_root, issue.key, name)
    if not path.is_file():
        raise HTTPException(404, f"issue {issue.label} has no {name} yet")
    filename = f"{issue.key.replace('/', '_')}-v{issue.current_version}-{name}"
    return FileResponse(path, media_type=data.ISSUE_DOWNLOADS[name], filename=filename)


def diff_view(request: Request, stem: str, a: int, b: int) -> HTMLResponse:
    info = _page_info(request, stem)
    folder = data.page_folder(request.app.state.out_root, info.stem)
    try:
        text = diff_articles(folder, a, b)
    except VersionError as exc:
        raise HTTPException(404, str(exc)) from exc
    lines = [(_diff_kind(line), line) for line in text.splitlines()]
    return _render(request, "diff.html", info=info, a=a, b=b, lines=lines)


def _diff_kind(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "file"
    if line.startswith("@@"):
        return "hunk"
    return {"+": "add", "-": "del"}.get(line[:1], "same")


# ---- changes ---------------------------------------------------------------------------


def reprocess(request: Request, stem: str, form: Form) -> Response:
    info = _page_info(request, stem)
    page = data.read_page_json(request.app.state.out_root, info.stem)
    try:
        overrides = overrides_from_form(form, page or {})
    except ValueError as exc:
        return _page_response(request, info, error=str(exc), status=400)
    if overrides.is_empty():
        return _page_response(
            request, info, error="nothing to change: set a value first", status=400
        )
    if info.status == PageStatus.RUNNING:
        return _page_response(request, info, error="the page is being processed", status=409)
    by = str(form.get("by") or "").strip() or "web"
    job = request.app.state.jobs.submit(info.stem, overrides, by)
    return RedirectResponse(f"/pages/{info.stem}?job={job.id}", status_code=303)


def overrides_from_form(form: Any, page: dict[str, Any]) -> Overrides:
    """The correction form as ``Overrides``; articles and regions picked on the page
    are named by a point inside them (scan pixels), which outlives renumbering."""
    regions = []
    if form.get("region_box"):
        kind = str(form.get("region_type") or "")
        regions.append(RegionOverride(type=kind, bbox=parse_box(str(form["region_box"]))))
    merge = [_article_point(page, str(form[k])) for k in ("merge_a", "merge_b") if form.get(k)]
    if len(merge) == 1 or (len(merge) == 2 and merge[0] == merge[1]):
        raise ValueError("merge needs two different articles")
    split = [_region_point(page, str(form["split"]))] if form.get("split") else []
    try:
        return Overrides(
            skew=_number(form, "skew", float),
            columns=_number(form, "columns", int),
            lang=str(form.get("lang") or "") or None,
            crop=parse_box(str(form["crop"])) if form.get("crop") else None,
            regions=regions,
            merge=[merge] if merge else [],
            split=split,
        )
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise ValueError(_short_error(exc)) from exc


def _number(form: Any, name: str, kind: type) -> Any:
    text = str(form.get(name) or "").strip()
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        raise ValueError(f"{name}: {text!r} is not a number") from None


def _short_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors())
    return str(exc)


def _region_point(page: dict[str, Any], region_id: str) -> str:
    for region in page.get("regions", []):
        if region["id"] == region_id:
            x0, y0, x1, y1 = region["bbox"]
            return f"{(x0 + x1) // 2},{(y0 + y1) // 2}"
    raise ValueError(f"no region {region_id!r} on this page")


def _article_point(page: dict[str, Any], article_id: str) -> str:
    for article in page.get("articles", []):
        if article.get("id") == article_id and article.get("region_ids"):
            return _region_point(page, article["region_ids"][0])
    raise ValueError(f"no article {article_id!r} on this page")


def restore(request: Request, stem: str, form: Form) -> Response:
    from newsprint.pipeline.jobs import restore as restore_version

    info = _page_info(request, stem)
    number = _number(form, "version", int)
    try:
        restore_version(
            request.app.state.catalog,
            request.app.state.out_root,
            info.id,
            number,
            request.app.state.settings,  # its issue is built again over the restored page
        )
    except (CatalogError, VersionError, TypeError) as exc:
        return _page_response(request, info, error=f"cannot restore: {exc}", status=400)
    return RedirectResponse(f"/pages/{info.stem}", status_code=303)


def reviewed(request: Request, stem: str, form: Form) -> Response:
    info = _page_info(request, stem)
    by = str(form.get("by") or "").strip() or "web"
    note = str(form.get("note") or "").strip() or None
    try:
        request.app.state.catalog.mark_reviewed(info.id, by, note)
    except CatalogError as exc:
        return _page_response(request, info, error=str(exc), status=409)
    return RedirectResponse(f"/pages/{info.stem}", status_code=303)


async def job_state(request: Request, job_id: int) -> JSONResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id}")
    return JSONResponse(job.as_dict())
