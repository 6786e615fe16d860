"""The Excel and Word exports open in an office suite (LibreOffice, headless): each converts to a PDF with the text."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from model.api import assess, export, load_project

from .conftest import EXAMPLES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def office():
    if not SOFFICE:
        if os.environ.get("TTPLAN_REQUIRE_OFFICE"):
            pytest.fail("LibreOffice is required (apt-get install libreoffice-writer libreoffice-calc)")
        pytest.skip("LibreOffice is not installed")
    return SOFFICE


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_opens_in_libreoffice(office, library, tmp_path, fmt, lang):
    spec = load_project(next(p for p in EXAMPLES if p.stem == "jv-china-battery"), library)
    source = tmp_path / f"report.{fmt}"
    source.write_bytes(export(assess(spec, library), library, fmt, lang))
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000, result.stderr.decode(errors="replace")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, timeout=60).stdout.decode()
        assert spec.project.name[:6] in text.replace("\n", "")
