"""Many simultaneous app sessions in one process (issue #7, load): AppTest instances, each driven from its own thread,
sharing the process-wide st.cache_resource store, library and assessment caches exactly like the sessions of one
Streamlit server. Used by tests/test_load.py (behaviour) and bench/bench_load.py (latency); nothing here asserts.

AppTest is written for one run at a time: each run swaps three process globals and puts them back afterwards —
``Runtime._instance`` (a fresh mock runtime, then None), ``config.get_option`` (patched for ``global.appTest``) and
``PagesManager.uses_pages_directory`` (reset to None). With runs overlapping, one session's teardown pulls the runtime
from under another's script (``runtime.exists()`` turns false mid-run: forms stop being forms, ``get_instance()``
raises) and the stacked config patches are restored out of order, leaving the mock in place for good. A real server
has one Runtime and one config for all its sessions, so ``concurrent_apptest()`` makes the test process look like
that: one shared runtime and ``global.appTest`` set once, for the duration of the load, and each AppTest session its
own session id (AppTest gives every run the same one). ``uses_pages_directory`` only ever flips between None and
False for this app (it has no ``pages/`` folder), both meaning "use st.navigation", so its race is harmless.
"""

from __future__ import annotations

import contextlib
import json
import statistics
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from unittest.mock import MagicMock

from model.knowledge.library import REPO_ROOT

APP = str(REPO_ROOT / "app.py")
EXAMPLES = sorted((REPO_ROOT / "examples").glob("*.yaml"))
DASHBOARD, FINDINGS, HISTORY, EDITOR = (f"app_pages/{p}.py" for p in ("dashboard", "findings", "history", "editor"))
NAME_KEY = "editor_project_name"  # ui.editor_forms.key("project", "name")
RUN_TIMEOUT = 300  # seconds for one run; 20+ runs share two cores
BARRIER_TIMEOUT = 600


# --------------------------------------------------------------------------- the sessions and their projects


@dataclass(frozen=True)
class Plan:
    """One simulated user: a unique name, a language, the project they work on, the tokens that identify them."""

    index: int
    user: str
    lang: str
    project_id: str
    marker: str  # in the project's stored name: only sessions on this project may ever show it
    edit: str  # what this session appends to the project name (its edit)
    partner: int | None = None  # the other session on the same project

    @property
    def user_token(self) -> str:
        return f"LDUS{self.index:02d}Z"


def marker(i: int) -> str:
    return f"LDPJ{i:02d}Q"


def populate(n_projects: int) -> list[tuple[str, str]]:
    """Put the examples and ``n_projects`` variants of them (own id, a unique marker in the name) in the store named
    by TTPLAN_DATABASE_URL; returns (project id, marker) for each variant."""
    from model import api
    from model.format.project_io import load_project

    library = api.load_library()
    store = api.Store()
    store.seed(EXAMPLES, library)
    made = []
    for i in range(n_projects):
        path = EXAMPLES[i % len(EXAMPLES)]
        spec = load_project(path, library)
        spec.project.id = f"load{i:02d}-{path.stem}"
        spec.project.name = f"{spec.project.name} {marker(i)}"
        store.save(spec, "setup", "load test variant")
        made.append((spec.project.id, marker(i)))
    store.engine.dispose()
    return made


def plans(n_sessions: int, projects: list[tuple[str, str]]) -> list[Plan]:
    """``n_sessions - 2`` sessions each on its own project and the last two on one project together; Japanese and
    English alternate."""
    if n_sessions < 3 or len(projects) < n_sessions - 1:
        raise ValueError(f"{n_sessions} sessions need at least 3 sessions and {n_sessions - 1} projects")
    out = []
    for i in range(n_sessions):
        shared = i >= n_sessions - 2
        pid, mark = projects[n_sessions - 2] if shared else projects[i]
        partner = (2 * n_sessions - 3 - i) if shared else None
        lang = "ja" if i % 2 == 0 else "en"
        user = f"{'負荷試験' if lang == 'ja' else 'Load tester'} LDUS{i:02d}Z"
        out.append(Plan(i, user, lang, pid, mark, f"LDED{i:02d}W", partner))
    return out


# --------------------------------------------------------------------------- what a session shows


def rendered_texts(at) -> list[str]:
    """Every piece of text the session's page shows: headings, Markdown, captions, alerts, plain text, metrics, table
    headers (their labels when configured) and cells, widget labels, the values of text and number inputs, expander
    and tab labels. Not the options of choice widgets (the sidebar's project picker lists every project by design)
    and not charts."""
    from streamlit.testing.v1 import element_tree as et

    out: list[str] = []
    for root in (at.main, at.sidebar):
        for node in root:
            if isinstance(node, et.Block):
                label = getattr(node, "label", None) if isinstance(node, (et.Expander, et.Tab)) else None
                if isinstance(label, str):
                    out.append(label)
            elif isinstance(node, et.Metric):
                out += [node.label, node.value, node.delta]
            elif isinstance(node, et.Dataframe):
                frame = node.value
                config = json.loads(node.proto.columns or "{}")  # a column's label replaces its name when set
                out += [(config.get(str(c)) or {}).get("label") or str(c) for c in frame.columns]
                out += [str(v) for v in frame.to_numpy().ravel()]
            elif isinstance(node, et.Widget):
                label = getattr(node.proto, "label", None)
                if isinstance(label, str):
                    out.append(label)
                if isinstance(node, (et.TextInput, et.TextArea, et.NumberInput)) and node.value is not None:
                    out.append(str(node.value))
            elif isinstance(
                node, (et.Markdown, et.HeadingBase, et.AlertBase, et.Text, et.Toast, et.Exception, et.PageLink)
            ):
                value = node.label if isinstance(node, et.PageLink) else node.value
                if isinstance(value, str):
                    out.append(value)
    return [t for t in out if t]


@dataclass
class Step:
    """What one run of one session showed."""

    name: str
    started: float  # time.perf_counter() at the start and end of the run
    ended: float
    texts: list[str]
    exceptions: list[str]
    sidebar_errors: list[str]
    sidebar_success: list[str]
    project_id: str | None
    lang: str | None
    user: str | None
    draft_name: str | None


@dataclass
class Outcome:
    plan: Plan
    steps: list[Step] = field(default_factory=list)
    failure: str | None = None  # a traceback when the harness itself could not drive the session

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    def times(self, name: str) -> list[float]:
        """How long each run of that name took (seconds)."""
        return [s.ended - s.started for s in self.steps if s.name == name]


class Session:
    """One AppTest session driven step by step; every run is recorded as a Step."""

    def __init__(self, plan: Plan):
        from streamlit.testing.v1 import AppTest

        self.plan = plan
        self.outcome = Outcome(plan)
        self.at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
        self.at.session_state["lang"] = plan.lang
        self.at.session_state["user"] = plan.user

    def run(self, name: str, action: Callable[[], object] | None = None) -> Step:
        at = self.at
        started = time.perf_counter()
        (action or at.run)()
        ended = time.perf_counter()
        state = at.session_state
        draft = state["draft"] if "draft" in state else None
        step = Step(
            name,
            started,
            ended,
            rendered_texts(at),
            [e.message for e in at.exception],
            [e.value for e in at.sidebar.error],
            [e.value for e in at.sidebar.success],
            state["project_id"] if "project_id" in state else None,
            state["lang"] if "lang" in state else None,
            state["user"] if "user" in state else None,
            draft.project.name if draft is not None else None,
        )
        self.outcome.steps.append(step)
        return step

    def page(self, name: str, path: str) -> Step:
        self.at.switch_page(path)
        return self.run(name)

    def open_own_project(self) -> Step:
        """Pick the session's project in the sidebar (after one plain rerun, so the picker has settled)."""
        self.run("settle")
        picker = self.at.sidebar.selectbox[0]
        return self.run("open", lambda: picker.set_value(self.plan.project_id).run())

    def edit_name(self) -> Step:
        """On the editor page, append the session's token to the project name (a valid edit: the session is dirty)."""
        box = self.at.text_input(key=NAME_KEY)
        return self.run("edit", lambda: box.input(f"{box.value} {self.plan.edit}").run())

    def save(self, comment: str) -> Step:
        """Fill the sidebar's save form and submit it."""
        at = self.at
        field_ = next(w for w in at.sidebar.text_input if w.form_id == "save_form")
        submit = next(b for b in at.sidebar.button if b.form_id == "save_form")
        field_.input(comment)
        return self.run("save", lambda: submit.click().run())


# --------------------------------------------------------------------------- what the sessions do


def workday(plans_: list[Plan]) -> Callable[[Session, threading.Barrier], None]:
    """A user's round: open their project, look at the dashboard, findings and history, edit the name in the editor
    and save with a comment, then look at the dashboard and history again. Everyone edits before anyone saves, so
    the two sessions on one project both start from the same version; of those two, the second saves once the
    first one's save is done (its base is then stale: the case a save must refuse)."""
    first_saved = {p.project_id: threading.Event() for p in plans_ if p.partner is not None}

    def script(session: Session, barrier: threading.Barrier) -> None:
        plan = session.plan
        session.run("start")
        barrier.wait()
        session.open_own_project()
        session.run("dashboard")
        session.page("findings", FINDINGS)
        session.page("history", HISTORY)
        session.page("editor", EDITOR)
        session.edit_name()
        barrier.wait()
        second = plan.partner is not None and plan.index > plan.partner
        if second and not first_saved[plan.project_id].wait(BARRIER_TIMEOUT):
            raise TimeoutError("the partner session never saved")
        try:
            session.save(f"load test {plan.user_token}")
        finally:
            if plan.partner is not None and not second:
                first_saved[plan.project_id].set()
        session.page("after_save", DASHBOARD)
        session.page("history_after", HISTORY)

    return script


def dashboard_reruns(reruns: int) -> Callable[[Session, threading.Barrier], None]:
    """Open the session's project on the dashboard, then rerun the dashboard ``reruns`` times, all sessions at
    once (steps named "rerun")."""

    def script(session: Session, barrier: threading.Barrier) -> None:
        session.run("start")
        session.open_own_project()
        session.run("warm")
        barrier.wait()
        for _ in range(reruns):
            session.run("rerun")

    return script


# --------------------------------------------------------------------------- running sessions together


@contextlib.contextmanager
def concurrent_apptest() -> Iterator[None]:
    """Make overlapping AppTest runs in threads sound: one runtime, one config, a session id per session (see the
    module docstring). Restores everything on exit."""
    from streamlit import config
    from streamlit.components.v2.component_manager import BidiComponentManager
    from streamlit.runtime import Runtime
    from streamlit.runtime.caching.storage.dummy_cache_storage import MemoryCacheStorageManager
    from streamlit.runtime.dataframe_source_manager import DataframeSourceManager
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import app_test, local_script_runner
    from streamlit.testing.v1.util import build_mock_config_get_option

    # The same runtime AppTest builds for each run, built once and shared (as the server's one Runtime is).
    shared = MagicMock(spec=Runtime)
    shared.media_file_mgr = MediaFileManager(MemoryMediaFileStorage("/mock/media"))
    shared.dataframe_source_mgr = DataframeSourceManager()
    shared.cache_storage_manager = MemoryCacheStorageManager()
    components = BidiComponentManager()
    components.discover_and_register_components(start_file_watching=False)
    shared.bidi_component_registry = components

    class SessionRunner(local_script_runner.LocalScriptRunner):
        """AppTest's runner with a session id of its own per AppTest (its session state lives as long as it)."""

        def __init__(self, script_path, session_state, *args, **kwargs):
            super().__init__(script_path, session_state, *args, **kwargs)
            self._session_id = f"load-session-{id(session_state):x}"

    saved = (
        Runtime.__dict__["exists"],
        Runtime.__dict__["instance"],
        config.get_option,
        app_test.patch_config_options,
        app_test.LocalScriptRunner,
    )
    Runtime.exists = classmethod(lambda cls: True)
    Runtime.instance = classmethod(lambda cls: shared)
    config.get_option = build_mock_config_get_option({"global.appTest": True})
    app_test.patch_config_options = lambda overrides: contextlib.nullcontext()
    app_test.LocalScriptRunner = SessionRunner
    try:
        yield
    finally:
        (
            Runtime.exists,
            Runtime.instance,
            config.get_option,
            app_test.patch_config_options,
            app_test.LocalScriptRunner,
        ) = saved
        Runtime._instance = None


def run_together(plans_: list[Plan], script: Callable[[Session, threading.Barrier], None]) -> list[Outcome]:
    """Drive one session per plan, each from its own thread, all at once; ``script`` may wait on the barrier to
    line the sessions up. A session the harness cannot drive breaks the barrier, so the others stop instead of
    waiting for it."""
    barrier = threading.Barrier(len(plans_), timeout=BARRIER_TIMEOUT)

    def one(plan: Plan) -> Outcome:
        session = None
        try:
            session = Session(plan)
            script(session, barrier)
        except Exception:  # recorded for the caller to report
            barrier.abort()
            outcome = session.outcome if session is not None else Outcome(plan)
            outcome.failure = traceback.format_exc()
            return outcome
        return session.outcome

    with concurrent_apptest(), ThreadPoolExecutor(max_workers=len(plans_)) as pool:
        return list(pool.map(one, plans_))


# --------------------------------------------------------------------------- figures


def most_at_once(outcomes: list[Outcome]) -> int:
    """The largest number of runs (of different sessions) that were in progress at the same moment."""
    events = sorted((t, d) for o in outcomes for s in o.steps for t, d in ((s.started, 1), (s.ended, -1)))
    running = peak = 0
    for _, change in events:  # at equal times an end (-1) sorts before a start (+1)
        running += change
        peak = max(peak, running)
    return peak


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary_ms(values: list[float]) -> tuple[float, float]:
    """(median, p90) in milliseconds of durations in seconds."""
    return statistics.median(values) * 1000, percentile(values, 0.9) * 1000
