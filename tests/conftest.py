"""Shared fixtures: the repository's library, the example projects, a helper to write project files."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.api import load_library
from model.knowledge.library import REPO_ROOT

EXAMPLES = sorted((REPO_ROOT / "examples").glob("*.yaml"))

MINIMAL = """\
format_version: 1
project:
  name: 試験案件
  deal_type: joint_venture
  host_country: CN
"""


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture
def write(tmp_path: Path):
    """Write text (or bytes) to a file in a temporary folder and return its path."""

    def _write(content: str | bytes, name: str = "project.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
