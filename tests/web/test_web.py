"""The review page's HTTP layer with FastAPI's TestClient, over a real SQLite catalog.

No OCR here: the pages are put in the catalog through its own API (register,
claim, finish with flags), as a run would. The browser test is test_web_e2e.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from newsprint.catalog import Catalog, NewVersion, PageStatus
from newsprint.core.settings import Settings
from newsprint.flows.cli import app as cli
from newsprint.web.app import create_app, overrides_from_form
from newsprint.web.security import (
    CSRF_COOKIE,
    WebConfigError,
    check_bind,
    safe_path,
    trusted_hosts,
)
from pydantic import SecretStr
from synth import column_page
from typer.testing import CliRunner


def _flag(code: str, severity: float) -> dict:
    return {"code": code, "message": f"{code} on this page", "severity": severity}


def _add_page(catalog: Catalog, scan: Path, stem: str, flags: list[dict] | None) -> int:
    scan_info, _ = catalog.register_scan(stem.ljust(64, "0"), str(scan), scan.stat().st_size)
    page = catalog.add_pages(scan_info.id, 1, stem)[0]
    if flags is None:
        catalog.claim_page(page.id, "test")
        catalog.fail_page(page.id, "test", f"{scan}: cannot identify image file")
        return page.id
    assert catalog.claim_page(page.id, "test")
    catalog.finish_page(page.id, "test", NewVersion(number=1, pipeline_version="t", flags=flags))
    return page.id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    scan = tmp_path / "scan.png"
    column_page(columns=1, lines_per_column=2, col_width=120, headline=None).save(scan)
    catalog = Catalog.open(None, out)
    _add_page(catalog, scan, "mild", [_flag("unusual_skew", 0.4)])
    _add_page(catalog, scan, "worst", [_flag("low_confidence", 0.9), _flag("rotated", 0.5)])
    _add_page(catalog, scan, "fine", [])
    _add_page(catalog, scan, "broken", None)
    (tmp_path / "secret.txt").write_text("outside the output root")
    return out


def _client(
    out: Path, token: str | None = None, host: str | None = None, **web: object
) -> TestClient:
    settings = Settings()
    if token:
        web["token"] = SecretStr(token)
    settings = settings.model_copy(update={"web": settings.web.model_copy(update=web)})
    # Requests name the server as a browser on this machine does (Host: 127.0.0.1:8000).
    return TestClient(create_app(out, settings, host=host), base_url="http://127.0.0.1:8000")


def _csrf(client: TestClient, page: str = "/") -> str:
    client.get(page)
    return client.cookies[CSRF_COOKIE]


def test_list_shows_counts_and_puts_the_worst_page_first(out: Path) -> None:
    client = _client(out)
    page = client.get("/")
    assert page.status_code == 200
    rows = re.findall(r'<a href="/pages/([^"]+)">', page.text)
    assert rows[:2] == ["worst", "mild"]
    assert re.search(r"<b>2</b> flagged", page.text) and re.search(r"<b>1</b> failed", page.text)

    flagged = client.get("/", params={"status": "flagged"}).text
    assert set(re.findall(r'<a href="/pages/([^"]+)">', flagged)) == {"worst", "mild"}
    rotated = client.get("/", params={"reason": "rotated"}).text
    assert re.findall(r'<a href="/pages/([^"]+)">', rotated) == ["worst"]
    failed = client.get("/", params={"status": "failed"}).text
    assert "cannot identify image file" in failed and "worst" not in failed
    form = {"status": "flagged", "q": "", "reason": "", "since": "", "until": ""}
    assert "worst" in client.get("/", params=form).text
    later = client.get("/", params={**form, "since": "2999-01-01"}).text
    assert "worst" not in later and "No pages match" in later
    by_name = client.get("/", params={"q": "ild"}).text
    assert re.findall(r'<a href="/pages/([^"]+)">', by_name) == ["mild"]


def test_a_form_without_the_csrf_token_is_refused(out: Path) -> None:
    client = _client(out)
    token = _csrf(client)
    catalog = Catalog.open(None, out)

    missing = client.post("/pages/worst/reviewed", data={"note": "ok"})
    wrong = client.post("/pages/worst/reviewed", data={"csrf_token": "x" * 43})
    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert catalog.page("worst").status == PageStatus.FLAGGED

    fine = client.post(
        "/pages/worst/reviewed",
        data={"csrf_token": token, "by": "ada", "note": "checked"},
        follow_redirects=False,
    )
    assert fine.status_code == 303
    reviewed = catalog.page("worst")
    assert reviewed.status == PageStatus.REVIEWED and reviewed.reviewed_by == "ada"


def test_a_cross_site_post_without_the_cookie_is_refused(out: Path) -> None:
    token = _csrf(_client(out))  # a token from another browser is of no use
    stranger = _client(out)
    refused = stranger.post("/pages/mild/restore", data={"csrf_token": token, "version": "1"})
    assert refused.status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/pages/..%2F..%2Fsecret.txt",
        "/pages/../secret.txt",
        "/pages/%2E%2E/files/page.json",
        "/pages/mild/files/..%2F..%2Fsecret.txt",
        "/pages/mild/files/catalog.sqlite",
        "/pages/mild/files/%2Fetc%2Fpasswd",
        "/pages/%2Fetc/files/page.json",
        "/pages/mild/diff?a=1&b=2",
    ],
)
def test_paths_never_leave_the_output_root(out: Path, url: str) -> None:
    response = _client(out).get(url)
    assert response.status_code in (404, 422)
    assert "outside the output root" not in response.text
    assert "root:" not in response.text


def test_safe_path_resolves_dots_and_links(tmp_path: Path) -> None:
    root = tmp_path / "out"
    (root / "page").mkdir(parents=True)
    (root / "page" / "link").symlink_to(tmp_path)
    assert safe_path(root, "page", "page.json") == (root / "page" / "page.json").resolve()
    for parts in (("..", "x"), ("page", "link", "x"), ("/etc/passwd",)):
        with pytest.raises(Exception, match="not found"):
            safe_path(root, *parts)


def test_refuses_a_public_address_without_a_token(out: Path, monkeypatch) -> None:
    with pytest.raises(WebConfigError, match=r"web\.token"):
        check_bind("0.0.0.0", None)
    with pytest.raises(WebConfigError):
        check_bind("192.168.1.20", "")
    for local in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        check_bind(local, None)
    check_bind("0.0.0.0", "s3cret")

    refused = CliRunner().invoke(cli, ["web", "--host", "0.0.0.0", "--out", str(out)])
    assert refused.exit_code == 2 and "web.token" in refused.output


def test_a_token_guards_every_page_when_set(out: Path) -> None:
    client = _client(out, token="s3cret-token")
    assert client.get("/", headers={"accept": "application/json"}).status_code == 401
    login = client.get("/", follow_redirects=False, headers={"accept": "text/html"})
    assert login.status_code == 303 and login.headers["location"].startswith("/login")
    assert client.get("/pages/mild/files/page.json").status_code == 401

    csrf = _csrf(client, "/login")
    wrong = client.post("/login", data={"csrf_token": csrf, "token": "guess"})
    assert wrong.status_code == 401
    right = client.post(
        "/login", data={"csrf_token": csrf, "token": "s3cret-token", "next": "//evil.example/"}
    )
    assert right.status_code == 200 and right.url.path == "/"
    assert "worst" in client.get("/").text

    bearer = _client(out, token="s3cret-token")
    headers = {"authorization": "Bearer s3cret-token"}
    assert bearer.get("/pages/mild", headers=headers).status_code == 200


FOREIGN_HOSTS = [
    "attacker.example",
    "attacker.example:8000",
    "127.0.0.1.attacker.example",
    "localhost.attacker.example:8000",
    "127.0.0.2:8000",
    "0.0.0.0:8000",
    "testserver",
    "",
]


@pytest.mark.parametrize("host", FOREIGN_HOSTS)
@pytest.mark.parametrize("path", ["/", "/pages/worst", "/pages/worst/files/page.json", "/login"])
def test_a_foreign_host_header_is_refused(out: Path, host: str, path: str) -> None:
    """DNS rebinding: a page on attacker.example whose name now points at
    127.0.0.1 reaches the server, but its requests carry Host: attacker.example."""
    client = _client(out)
    response = client.get(path, headers={"host": host})
    assert response.status_code == 400, (host, path)
    assert "worst" not in response.text
    # A POST gets no further, with or without the CSRF cookie.
    token = _csrf(client)
    post = client.post("/pages/worst/reviewed", data={"csrf_token": token}, headers={"host": host})
    assert post.status_code == 400
    assert Catalog.open(None, out).page("worst").status == PageStatus.FLAGGED
    # ... and so does one when a token guards the page (400 before the login redirect).
    guarded = _client(out, token="s3cret-token")
    auth = {"host": host, "authorization": "Bearer s3cret-token", "accept": "text/html"}
    assert guarded.get(path, headers=auth, follow_redirects=False).status_code == 400


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "127.0.0.1", "localhost:8000", "LOCALHOST", "[::1]:8000"]
)
def test_this_machines_names_are_answered(out: Path, host: str) -> None:
    client = _client(out)
    page = client.get("/", headers={"host": host})
    assert page.status_code == 200 and "worst" in page.text
    assert client.get("/pages/worst", headers={"host": host}).status_code == 200
    assert client.get("/static/web.css", headers={"host": host}).status_code == 200


def test_the_configured_address_and_allowed_hosts_are_answered(out: Path) -> None:
    client = _client(
        out,
        token="s3cret-token",
        host="192.168.1.20",
        allowed_hosts=["archive.example.org", "*.newsroom.example"],
    )
    auth = {"authorization": "Bearer s3cret-token"}
    for host in ("192.168.1.20:8000", "archive.example.org", "scan.newsroom.example:8000"):
        assert client.get("/", headers={**auth, "host": host}).status_code == 200, host
    for host in ("attacker.example", "archive.example.org.attacker.example", "192.168.1.21"):
        assert client.get("/", headers={**auth, "host": host}).status_code == 400, host
    # web.host is the default address; an IPv6 one is named in brackets.
    assert trusted_hosts("::1") == ["localhost", "127.0.0.1", "[::1]"]
    assert trusted_hosts("0.0.0.0", ["archive.example.org"])[-1] == "archive.example.org"
    assert "0.0.0.0" not in trusted_hosts("0.0.0.0") and "[::]" not in trusted_hosts("::")
    assert trusted_hosts("FE80::1")[-1] == "[fe80::1]"


def test_allowed_hosts_setting(monkeypatch) -> None:
    monkeypatch.setenv("NEWSPRINT_WEB__ALLOWED_HOSTS", '["Archive.Example.org", "::1", "*.x.org"]')
    assert Settings().web.allowed_hosts == ["archive.example.org", "[::1]", "*.x.org"]
    for bad in ('["*"]', '["archive.example.org:8000"]', '["*.*.org"]', '["a b"]'):
        monkeypatch.setenv("NEWSPRINT_WEB__ALLOWED_HOSTS", bad)
        with pytest.raises(ValueError, match="allowed_hosts"):
            Settings()


def test_the_web_command_serves_only_the_hosts_it_was_started_for(out: Path, monkeypatch) -> None:
    import uvicorn

    served: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("NEWSPRINT_WEB__ALLOWED_HOSTS", '["archive.example.org"]')
    started = CliRunner().invoke(cli, ["web", "--out", str(out), "--port", "8123"])
    assert started.exit_code == 0, started.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)
    client = TestClient(served["app"], base_url="http://127.0.0.1:8123")
    assert client.get("/", headers={"host": "attacker.example:8123"}).status_code == 400
    for host in ("localhost:8123", "127.0.0.1:8123", "[::1]:8123", "archive.example.org"):
        assert client.get("/", headers={"host": host}).status_code == 200, host

    monkeypatch.setenv("NEWSPRINT_WEB__TOKEN", "s3cret-token")
    monkeypatch.delenv("NEWSPRINT_WEB__ALLOWED_HOSTS")
    public = CliRunner().invoke(cli, ["web", "--out", str(out), "--host", "10.1.2.3"])
    assert public.exit_code == 0, public.output
    client = TestClient(served["app"], base_url="http://10.1.2.3:8000")
    auth = {"authorization": "Bearer s3cret-token"}
    assert client.get("/", headers=auth).status_code == 200
    assert client.get("/", headers={**auth, "host": "attacker.example"}).status_code == 400
    everywhere = CliRunner().invoke(cli, ["web", "--out", str(out), "--host", "0.0.0.0"])
    assert everywhere.exit_code == 0 and "web.allowed_hosts" in everywhere.output


def test_the_correction_form_becomes_overrides_named_by_points() -> None:
    page = {
        "regions": [
            {"id": "r001", "bbox": [10, 10, 110, 50]},
            {"id": "r002", "bbox": [10, 60, 110, 200]},
            {"id": "r003", "bbox": [200, 60, 300, 200]},
        ],
        "articles": [
            {"id": "a1", "region_ids": ["r001", "r002"]},
            {"id": "a2", "region_ids": ["r003"]},
        ],
    }
    form = {
        "columns": "3",
        "skew": "0.4",
        "lang": "en",
        "crop": "0,0,400,300",
        "region_type": "photo",
        "region_box": "200,60,300,200",
        "merge_a": "a1",
        "merge_b": "a2",
        "split": "r002",
    }
    overrides = overrides_from_form(form, page)
    assert overrides.as_dict() == {
        "skew": 0.4,
        "columns": 3,
        "lang": "en",
        "crop": [0, 0, 400, 300],
        "regions": [{"type": "photo", "bbox": [200, 60, 300, 200]}],
        "merge": [["60,30", "250,130"]],
        "split": ["60,130"],
    }
    for bad, message in (
        ({"columns": "many"}, "not a number"),
        ({"columns": "0"}, "columns"),
        ({"crop": "5,5,1,1"}, "crop"),
        ({"merge_a": "a1"}, "two different"),
        ({"split": "r999"}, "no region"),
    ):
        with pytest.raises(ValueError, match=message):
            overrides_from_form(bad, page)


def test_page_view_and_a_rejected_reprocess(out: Path) -> None:
    client = _client(out)
    view = client.get("/pages/worst")
    assert view.status_code == 200 and "low_confidence" in view.text
    assert client.get("/pages/nosuch").status_code == 404
    csrf = _csrf(client)
    bad = client.post("/pages/worst/reprocess", data={"csrf_token": csrf, "columns": "x"})
    assert bad.status_code == 400 and "not a number" in bad.text
    empty = client.post("/pages/worst/reprocess", data={"csrf_token": csrf})
    assert empty.status_code == 400 and "nothing to change" in empty.text
    assert client.get("/jobs/99").status_code == 404


def test_scan_previews_are_decoded_once_and_the_last_used_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from newsprint.web import data

    rendered: list[str] = []

    def render(catalog: object, info: SimpleNamespace, settings: Settings) -> bytes:
        rendered.append(info.sha256)
        return info.sha256.encode()

    def page(n: int) -> SimpleNamespace:
        return SimpleNamespace(sha256=f"{n:064x}", page_index=0)

    monkeypatch.setattr(data, "_render_preview", render)
    settings = Settings()
    data.scan_preview.cache_clear()
    try:
        assert data.scan_preview(None, page(0), settings) == page(0).sha256.encode()
        for n in range(1, 20):  # more pages than the cache holds; page 0 in use all along
            data.scan_preview(None, page(n), settings)
            data.scan_preview(None, page(0), settings)
        data.scan_preview(None, page(1), settings)  # the least recently used went first
    finally:
        data.scan_preview.cache_clear()
    assert rendered.count(page(0).sha256) == 1
    assert rendered.count(page(1).sha256) == 2


def test_the_article_list_says_which_items_are_advertisements() -> None:
    from newsprint.web.data import articles_view

    view = articles_view(
        {
            "articles": [
                {"id": "a1", "headline": "Fire"},
                {"id": "a2", "kind": "advertisement", "paragraphs": ["SOAP"]},
            ]
        }
    )
    assert [a["kind"] for a in view] == ["article", "advertisement"]
