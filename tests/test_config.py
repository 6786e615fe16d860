"""The Streamlit configuration keeps data on the machine: no usage statistics, loopback, no error details, small uploads."""

from __future__ import annotations

import subprocess
import sys

from model.knowledge.library import REPO_ROOT


def config_show() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def setting(text: str, name: str) -> str:
    for line in text.splitlines():
        if line.strip().startswith(f"{name} ="):
            return line.split("=", 1)[1].strip()
    raise AssertionError(f"{name} not in `streamlit config show`")


def test_effective_configuration():
    text = config_show()
    assert setting(text, "gatherUsageStats") == "false"
    assert setting(text, "address") == '"127.0.0.1"'
    assert setting(text, "showErrorDetails") == '"none"'
    assert setting(text, "toolbarMode") == '"viewer"'
    assert setting(text, "maxUploadSize") == "2"
    assert setting(text, "enableStaticServing") == "false"
    assert setting(text, "enableXsrfProtection") == "true"
