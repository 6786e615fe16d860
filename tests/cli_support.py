"""Running `ttplan` in tests: in this process through typer's CliRunner, or as the installed command for exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from model import api
from model.cli import app
from model.knowledge.library import REPO_ROOT

RUNNER = CliRunner()


def invoke(*args: str, env: dict | None = None, library: api.Library | None = None) -> Result:
    """``ttplan ARGS`` run in this process: the same command code, without starting Python for every case.

    ``library`` stands in for the libraries the command would read from disk again (the session's copy: loading
    takes most of a second). An exception the command does not handle propagates, so the test shows its trace;
    the installed command would turn it into "internal error", which ``ttplan()`` below checks.
    """
    with pytest.MonkeyPatch.context() as patch:
        if library is not None:
            patch.setattr(api, "load_library", lambda *_, **__: library)
        return RUNNER.invoke(app, list(args), env=env, catch_exceptions=False)


def ttplan(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed ``ttplan`` command in its own process: what a user's shell sees (exit status, no trace)."""
    exe = shutil.which("ttplan", path=str(Path(sys.executable).parent)) or "ttplan"
    return subprocess.run(
        [exe, *args], capture_output=True, text=True, timeout=120, cwd=REPO_ROOT, env={**os.environ, **(env or {})}
    )
