"""Security end to end, in a real headless Chromium against the real server (issue #7, item 4).

A store holding a hostile project (script, HTML, Markdown, template and formula payloads in every free-text field,
see tests/security_payloads.py) is served; every page is opened in both languages, with the editor's sections,
expanders, clause panels and tabs opened where that text is shown. On every page: no script ran, no element of a
payload exists in the DOM, no dialog opened, no request left the app, and the payloads are there as plain text. The
server runs with an audit hook that logs every connection and name lookup it makes; the HTML report is opened in
the browser; uploads over the limit are refused by the page and by the server; and the whole app is run once in a
network namespace with nothing but loopback.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model.knowledge.library import REPO_ROOT
from ui.strings.common import STRINGS as COMMON
from ui.strings.contract import STRINGS as CONTRACT
from ui.strings.dashboard import STRINGS as DASHBOARD
from ui.strings.editor import STRINGS as EDITOR

from . import security_payloads as sp
from .browser_support import (
    PAGES,
    exception_shown,
    foreign_requests,
    go_to,
    launch_browser,
    require_browser,
    running_app,
    settle,
    switch_language,
)

LANGS = ("ja", "en")

# Runs in the page (and in every frame): what a payload would leave behind had it been rendered as markup.
DOM_CHECK = """(sentinels) => {
  const S = new Set(sentinels);
  const out = {pwned: typeof window.__pwned !== 'undefined', injected: [], links: [], media: [], handlers: [],
               scripts: [], styles: [], sentinels: []};
  const leaky = (u) => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(u) || u.includes('127.0.0.2')
                       || u.includes('.invalid');
  for (const el of document.querySelectorAll('[id^="injected-"]')) out.injected.push(el.id);
  for (const a of document.querySelectorAll('a[href], area[href], [*|href]')) {
    const h = a.getAttribute('href') || a.getAttribute('xlink:href') || '';
    if (leaky(h)) out.links.push(a.tagName + ' ' + h.slice(0, 120));
  }
  for (const el of document.querySelectorAll('img, iframe, frame, video, audio, source, embed, object, image, link')) {
    const s = el.getAttribute('src') || el.getAttribute('data') || el.getAttribute('href') || '';
    if (s === 'x' || leaky(s) || SENT_ALT(el)) out.media.push(el.outerHTML.slice(0, 160));
  }
  function SENT_ALT(el) { return S.has(el.getAttribute('alt') || ''); }
  for (const el of document.querySelectorAll('*'))
    for (const at of el.attributes)
      if (/^on/i.test(at.name) && at.value.includes('__pwned')) out.handlers.push(el.tagName + ' ' + at.name);
  for (const s of document.querySelectorAll('script'))
    if (s.textContent.includes('__pwned')) out.scripts.push(s.textContent.slice(0, 80));
  for (const s of document.querySelectorAll('style'))
    if (s.textContent.includes('display:none!important')) out.styles.push(s.textContent.slice(0, 80));
  for (const el of document.querySelectorAll('body *')) {
    const t = (el.textContent || '').trim();
    if (S.has(t)) out.sentinels.push(el.tagName + ': ' + t);
  }
  return out;
}"""

# The text a reader gets: what is rendered, what the fields hold, SVG labels (charts) and the table cells the data
# grid draws (it paints a canvas and keeps the visible cells in an accessible table).
TEXT = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll('input, textarea')).map(e => e.value),
  ...Array.from(document.querySelectorAll('svg text, table[role=grid] td, table[role=grid] th')).map(e => e.textContent)
].join('\\n')"""

MARKER = re.compile(r"PWN\d{4}")


def tr(strings: dict, key: str, lang: str) -> str:
    return strings[key][0 if lang == "ja" else 1]


# --------------------------------------------------------------------------- the hostile server


#: Installed in the server process through PYTHONPATH: every connection, datagram, bind and name lookup it makes is
#: appended to $TTPLAN_AUDIT_LOG (attempts are logged before they happen, so blocked ones are caught too).
SITECUSTOMIZE = """
import json, os, sys

_LOG = os.environ.get("TTPLAN_AUDIT_LOG")
_EVENTS = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyaddr", "socket.getnameinfo", "socket.bind"}


def _address(value):
    return list(value) if isinstance(value, tuple) else value


def _hook(event, args):
    if event not in _EVENTS or not _LOG:
        return
    try:
        if event in ("socket.connect", "socket.bind"):
            sock, addr = args
            record = {"event": event, "family": int(sock.family), "address": _address(addr)}
        elif event == "socket.sendto":
            sock, addr = args
            record = {"event": event, "family": int(sock.family), "address": _address(addr)}
        elif event == "socket.getaddrinfo":
            record = {"event": event, "host": args[0], "port": args[1]}
        else:
            record = {"event": event, "args": [repr(a)[:200] for a in args]}
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, default=repr) + "\\n")
    except Exception as exc:  # never break the server; but say so in the log
        try:
            with open(_LOG, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"event": "hook-error", "error": repr(exc)}) + "\\n")
        except Exception:
            pass


sys.addaudithook(_hook)
"""


@dataclasses.dataclass
class Server:
    base: str
    hostile: sp.Hostile
    audit_log: Path
    database_url: str


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    require_browser()
    folder = tmp_path_factory.mktemp("hostile")
    url = f"sqlite:///{folder / 'e2e.db'}"
    hostile = sp.seed_store(url)
    hook = folder / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    audit = folder / "audit.jsonl"
    pythonpath = os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH", "")) if p)
    with running_app(folder, env={"PYTHONPATH": pythonpath, "TTPLAN_AUDIT_LOG": str(audit)}, database_url=url) as base:
        yield Server(base, hostile, audit, url)


# --------------------------------------------------------------------------- the tour of every page


@dataclasses.dataclass
class Seen:
    """One page (or one editor section) in one language."""

    lang: str
    page: str
    frames: list[dict]
    text: str
    exception: str | None

    @property
    def where(self) -> str:
        return f"{self.lang}:{self.page or 'dashboard'}"


@dataclasses.dataclass
class Tour:
    seen: list[Seen]
    requests: list[str]
    dialogs: list[str]
    base: str

    def text(self, lang: str, page: str) -> str:
        return "\n".join(s.text for s in self.seen if s.lang == lang and s.page.split("#")[0] == page)


def inspect(page, lang: str, name: str) -> Seen:
    frames = [frame.evaluate(DOM_CHECK, list(sp.SENTINELS)) for frame in page.frames]
    return Seen(lang, name, frames, page.evaluate(TEXT), exception_shown(page))


CLOSED_EXPANDER = "[data-testid='stMain'] [data-testid='stExpander'] details:not([open]) > summary"


def open_expanders(page) -> None:
    """Open every closed expander of the main area (a plain expander opens without a rerun); clicked in the page
    itself, all at once (Playwright's one-by-one clicks cost a second each)."""
    if page.evaluate(
        "(selector) => { const s = document.querySelectorAll(selector); s.forEach(x => x.click()); return s.length; }",
        CLOSED_EXPANDER,
    ):
        page.wait_for_timeout(200)


EDITOR_SECTIONS = (
    "project",
    "our_company",
    "planning",
    "technologies",
    "country",
    "partners",
    "governance",
    "contract",
    "people",
    "equipment",
    "operations",
    "black_boxing",
    "exit",
    "file",
)
CONTRACT_PANELS = 3


def visit(page, base: str, lang: str, seen: list[Seen]) -> None:
    for slug in PAGES:
        go_to(page, base, slug)
        if slug == "editor":
            radio = page.locator("[data-testid='stMain'] [data-testid='stRadio']").first
            for section in EDITOR_SECTIONS:
                radio.get_by_text(tr(EDITOR, f"sec_{section}", lang), exact=True).click()
                settle(page)
                open_expanders(page)
                seen.append(inspect(page, lang, f"editor#{section}"))
            continue
        if slug == "contract":
            # Clause panels build their body only when opened (each opening is a rerun).
            for _ in range(CONTRACT_PANELS):
                page.locator(CLOSED_EXPANDER).first.click()
                settle(page)
            for tab in page.locator("[data-testid='stMain'] [role='tab']").all():
                tab.click()
                seen.append(inspect(page, lang, "contract#tab"))
        elif slug in ("governance", "whatif", "history", "disclosure"):
            open_expanders(page)
        seen.append(inspect(page, lang, slug))
        if slug == "disclosure":
            # The data grid draws only the columns in view: scroll the tables to their last column (the notes).
            page.evaluate(
                "() => document.querySelectorAll('[data-testid=stDataFrame] .dvn-scroller')"
                ".forEach(e => { e.scrollLeft = e.scrollWidth; })"
            )
            page.wait_for_timeout(300)
            seen.append(inspect(page, lang, "disclosure#scrolled"))


@pytest.fixture(scope="module")
def tour(hostile_server):
    from playwright.sync_api import sync_playwright

    seen: list[Seen] = []
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        context = browser.new_context(locale="ja-JP", viewport={"width": 1600, "height": 1200})
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.on("request", lambda req: requests.append(req.url))
        page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.goto(hostile_server.base)
        settle(page)
        for lang in LANGS:
            switch_language(page, lang)
            visit(page, hostile_server.base, lang, seen)
        context.close()
        browser.close()
    return Tour(seen, requests, dialogs, hostile_server.base)


# --------------------------------------------------------------------------- what every page must show (as text)


def expectations(h: sp.Hostile) -> dict[str, list[tuple[str, list[str], int | None]]]:
    """Per page: (what, markers, how many must be seen — None for all)."""
    spec = h.spec
    techs = [h.marker(f"technologies[{i}].name") for i in range(len(spec.technologies))]
    stages = [h.marker(f"disclosure.stages[{i}].name") for i in range(len(spec.disclosure.stages))]
    gates = [h.marker(f"disclosure.stages[{i}].gate.note") for i in range(len(spec.disclosure.stages))]
    items = [
        h.marker(f"disclosure.stages[{i}].items[{j}].note")
        for i, s in enumerate(spec.disclosure.stages)
        for j in range(len(s.items))
    ]
    jv = [h.marker(f"partners[{i}].name") for i, p in enumerate(spec.partners) if p.role.value == "jv_partner"]
    partners = [h.marker(f"partners[{i}].name") for i in range(len(spec.partners))]
    equipment = [h.marker(f"equipment[{i}].name") for i in range(len(spec.equipment))]
    people = [h.marker(f"people[{i}].name") for i in range(len(spec.people))]
    justifications = [h.marker(f"decisions[{i}].justification") for i in range(len(spec.decisions))]
    store = [sp.marker(n) for n in range(9001, 9005)]
    return {
        "": [
            ("project name and site", [h.marker("project.name"), h.marker("project.site_name")], None),
            ("stage names on the timeline", stages, None),
            ("technology names in the top risks", techs, 1),
        ],
        "portfolio": [("project name", [h.marker("project.name")], None)],
        "editor": [("every free-text field the editor holds", editor_markers(h), None)],
        "disclosure": [
            ("stage names and gate notes", stages + gates, None),
            ("notes of what a stage hands over", items, 1),
        ],
        "governance": [
            ("JV partner names on the equity and board inputs", jv, None),
            ("equipment names", equipment, None),
        ],
        "whatif": [("stage and technology names in the levers", stages + techs, 2)],
        "contract": [
            (
                "notes and article numbers of the opened clause panels",
                h.markers("contract.clauses"),
                2 * CONTRACT_PANELS,
            ),
            ("technology names in the findings a clause lowers", techs, 1),
        ],
        "findings": [
            ("technology names in finding titles", techs, 1),
            ("decisions: justification and who", justifications, 1),
        ],
        "graph": [("names of the graph's points", techs + partners + people + equipment, 3)],
        "history": [
            ("authors and comments of the versions", store, None),
            ("author and comment of the refused save", [sp.marker(9005), sp.marker(9006)], None),
            ("decision log", justifications, 1),
        ],
    }


def editor_markers(h: sp.Hostile) -> list[str]:
    """Everything the editor's sections show: all but the contract's clauses (contract page), the stages (disclosure
    planner) and the decisions (findings page)."""
    elsewhere = ("contract.clauses", "disclosure.stages", "decisions")
    return [sp.marker(n) for path, n in h.numbers.items() if not path.startswith(elsewhere)]


# --------------------------------------------------------------------------- tests


def test_every_page_of_the_app_is_visited():
    in_app = set(re.findall(r"app_pages/(\w+)\.py", (REPO_ROOT / "app.py").read_text(encoding="utf-8")))
    files = {p.stem for p in (REPO_ROOT / "app_pages").glob("*.py")}
    visited = {slug or "dashboard" for slug in PAGES}
    assert in_app == files == visited


def test_no_script_runs_and_no_markup_is_injected(tour):
    problems = []
    for s in tour.seen:
        for i, frame in enumerate(s.frames):
            for key, value in frame.items():
                if value:
                    problems.append(f"{s.where} frame {i}: {key} {value if value is True else value[:5]}")
        if s.exception:
            problems.append(f"{s.where}: exception shown: {s.exception[:300]}")
    assert tour.seen and not problems, "\n".join(problems)
    assert tour.dialogs == []


def test_no_request_leaves_the_app(tour):
    assert len(tour.requests) > 20  # the log works: the app's own scripts and styles are in it
    foreign = foreign_requests(tour.requests, tour.base)
    assert foreign == [], foreign
    assert not [u for u in tour.requests if sp.LEAK_HOST in u or sp.LEAK_DOMAIN in u]


def test_hostile_text_is_shown_as_plain_text(tour, hostile_server):
    missing = []
    for lang in LANGS:
        for slug, wanted in expectations(hostile_server.hostile).items():
            found = set(MARKER.findall(tour.text(lang, slug)))
            for what, markers, at_least in wanted:
                hits = [m for m in markers if m in found]
                need = len(markers) if at_least is None else min(at_least, len(markers))
                if len(hits) < need:
                    missing.append(
                        f"{lang}:{slug or 'dashboard'}: {what}: {len(hits)} of {len(markers)} seen, "
                        f"{need} needed; missing {sorted(set(markers) - set(hits))[:8]}"
                    )
        # The payloads' markup is there to read, literally.
        everything = "\n".join(s.text for s in tour.seen if s.lang == lang)
        for literal in ('<b id="injected-', "<script>window.__pwned=1</script>", "![PWNIMG](", "{{7*7}}"):
            if literal not in everything:
                missing.append(f"{lang}: the literal text {literal!r} is shown nowhere")
    assert not missing, "\n".join(missing)


def _loopback(host) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]) in (
            ipaddress.ip_address("127.0.0.1"),
            ipaddress.ip_address("::1"),
        )
    except ValueError:
        return False


def test_server_connects_to_nothing_but_loopback(tour, hostile_server):
    """Read after the tour: every connection, datagram and name lookup the server attempted."""
    lines = hostile_server.audit_log.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert any(r["event"] == "socket.bind" for r in records), "the audit hook did not run in the server"
    assert not [r for r in records if r["event"] == "hook-error"]
    bad = []
    for r in records:
        if r["event"] == "socket.getaddrinfo":
            if not _loopback(r["host"]):
                bad.append(r)
        elif r["event"] in ("socket.connect", "socket.sendto"):
            if r["family"] == 1:  # AF_UNIX: a local socket
                continue
            if not _loopback(r["address"][0]):
                bad.append(r)
        elif r["event"] not in ("socket.bind",):
            bad.append(r)  # lookups by name or address: none is expected at all
    assert bad == [], bad


# --------------------------------------------------------------------------- the HTML report, opened in the browser


def test_html_report_download_is_inert_in_the_browser(hostile_server, tmp_path):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        context = browser.new_context(accept_downloads=True, locale="ja-JP")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(hostile_server.base)
        settle(page)
        button = page.get_by_role("button", name=tr(DASHBOARD, "report", "ja"))
        with page.expect_download() as info:
            button.click()
        report = tmp_path / "report.html"
        info.value.save_as(report)
        viewer = context.new_page()
        viewer.on("request", lambda req: requests.append(req.url))
        viewer.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        viewer.goto(report.as_uri())
        viewer.wait_for_load_state("load")
        viewer.wait_for_timeout(500)
        checks = viewer.evaluate(DOM_CHECK, list(sp.SENTINELS))
        text = viewer.evaluate(TEXT)
        csp = viewer.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
        context.close()
        browser.close()
    assert csp and "default-src 'none'" in csp
    assert requests == [report.as_uri()]  # the file itself and nothing else
    assert dialogs == []
    assert {k: v for k, v in checks.items() if v} == {}
    h = hostile_server.hostile
    assert h.marker("project.name") in text
    assert any(m in text for m in [h.marker(f"technologies[{i}].name") for i in range(len(h.spec.technologies))])
    assert '<b id="injected-' in text and "<script>window.__pwned=1</script>" in text


# --------------------------------------------------------------------------- uploads over the limit

BIG = 3 * 1024 * 1024


def test_uploads_over_the_limit_are_refused(hostile_server, tmp_path):
    from playwright.sync_api import sync_playwright

    from model.store import Store

    before = [p.id for p in Store(hostile_server.database_url).projects()]
    small = sp.dump(sp.hostile_project().spec)  # a valid project (its id is taken: the page asks for another)
    uploads: list = []
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        context = browser.new_context(locale="en-US")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.on("request", lambda req: uploads.append(req) if "/_stcore/upload_file/" in req.url else None)
        page.goto(hostile_server.base)
        settle(page)
        switch_language(page, "en")
        go_to(page, hostile_server.base, "editor")
        page.locator("[data-testid='stMain'] [data-testid='stRadio']").first.get_by_text(
            tr(EDITOR, "sec_file", "en"), exact=True
        ).click()
        settle(page)
        uploader = page.locator("[data-testid='stFileUploader']").first
        # 1. The page refuses a 3 MB file before sending it.
        uploader.locator("input[type=file]").set_input_files(
            {"name": "big.yaml", "mimeType": "application/x-yaml", "buffer": b"# padding\n" * (BIG // 10)}
        )
        settle(page)
        refusal = uploader.inner_text()
        assert "2" in refusal and re.search(r"(?i)(too large|smaller|limit|MB)", refusal), refusal
        assert [r for r in uploads if r.method == "PUT"] == []
        assert page.get_by_text(tr(EDITOR, "import_open", "en")).count() == 0
        # 2. A small file goes through the endpoint; the same request carrying 3 MB is refused by the server.
        uploader.locator("input[type=file]").set_input_files(
            {"name": "small.yaml", "mimeType": "application/x-yaml", "buffer": small}
        )
        settle(page)
        put = next(r for r in uploads if r.method == "PUT")
        headers = {k: v for k, v in put.headers.items() if k.lower() in ("x-xsrftoken",)}
        big = context.request.put(
            put.url,
            headers=headers,
            multipart={"file": {"name": "big.yaml", "mimeType": "application/x-yaml", "buffer": b"#" * BIG}},
        )
        again = context.request.put(
            put.url,
            headers=headers,
            multipart={"file": {"name": "small.yaml", "mimeType": "application/x-yaml", "buffer": small}},
        )
        # 3. Counsel's workbook: 2 MB at most, in the page as on the server; 3 MB is refused and nothing is read.
        go_to(page, hostile_server.base, "contract")
        uploader = page.locator("[data-testid='stFileUploader']").first
        uploader.locator("input[type=file]").set_input_files(
            {
                "name": "big.xlsx",
                "buffer": b"PK" + b"\0" * BIG,
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        page.wait_for_timeout(1000)
        settle(page)
        workbook_refusal = uploader.inner_text()
        workbook_applied = page.get_by_role("button", name=tr(CONTRACT, "import_apply", "en")).count()
        context.close()
        browser.close()
    assert re.search(r"(?i)too large|smaller", workbook_refusal), workbook_refusal  # said in the page, not a 413
    assert workbook_applied == 0
    assert big.status == 413, big.status
    assert again.status in (200, 204), again.status  # the request itself was acceptable: only the size was not
    assert [p.id for p in Store(hostile_server.database_url).projects()] == before  # nothing imported


# --------------------------------------------------------------------------- no network at all


def _namespace_command() -> list[str] | None:
    """How to start a process in a new network namespace here: as root `unshare -n`, else with a user namespace."""
    unshare = shutil.which("unshare")
    if not unshare:
        return None
    for flags in (["-n"], ["-r", "-n"]):
        probe = subprocess.run([unshare, *flags, "true"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return [unshare, *flags]
    return None


def test_app_works_with_outbound_connections_blocked():
    """The app on an empty workspace (examples seeded on first start), every page, in a network namespace that has
    nothing but loopback: everything renders, no exception, no request but the app's own."""
    require_browser()
    command = _namespace_command()
    if command is None:
        if os.environ.get("TTPLAN_REQUIRE_NETNS"):
            pytest.fail("a network namespace is required (unshare -n as root, or unshare -rn)")
        pytest.skip("no network namespace can be created here (unshare -n / -rn refused)")
    driver = "from tests.browser_support import offline_tour_main; offline_tour_main()"
    result = subprocess.run(
        [*command, sys.executable, "-c", driver], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["interfaces"] == ["lo"]
    assert seen["outbound"] in ("ENETUNREACH", "EHOSTUNREACH"), seen["outbound"]
    assert set(seen["pages"]) == set(PAGES)
    titles = {
        tr(COMMON, f"nav_{slug}", "ja")
        for slug in (
            "portfolio",
            "editor",
            "disclosure",
            "governance",
            "whatif",
            "contract",
            "findings",
            "graph",
            "history",
        )
    }
    for slug, page in seen["pages"].items():
        assert page["exception"] is None, (slug, page["exception"])
        assert page["elements"] > 3, (slug, page)
        if slug:
            assert page["title"] in titles, (slug, page["title"])
    assert seen["foreign"] == []
    assert len(seen["requests"]) > 20
