"""Session-wide checks: every Word review report the tests produce must open in LibreOffice.

Each report the writer builds during the run is recorded; when the session
ends, all distinct ones are converted to PDF by one headless LibreOffice
call, and the run fails if any of them does not convert. Skipped where
`soffice` is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

_REPORTS: dict[str, bytes] = {}
_CONVERT_TIMEOUT = 600


@pytest.fixture(autouse=True)
def _record_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record the bytes of every report `dpa_compare.report.docx_writer` builds in this test."""
    from dpa_compare.report import docx_writer

    original = docx_writer.reproducible_zip

    def recording(data: bytes) -> bytes:
        package = original(data)
        _REPORTS.setdefault(hashlib.sha256(package).hexdigest(), package)
        return package

    monkeypatch.setattr(docx_writer, "reproducible_zip", recording)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    soffice = shutil.which("soffice")
    if not _REPORTS or soffice is None:
        return
    with tempfile.TemporaryDirectory(prefix="dpa-reports-") as folder:
        root = Path(folder)
        sources = []
        for digest, package in sorted(_REPORTS.items()):
            source = root / f"report-{digest[:16]}.docx"
            source.write_bytes(package)
            sources.append(source)
        result = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(root / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(root / "pdf"),
                *map(str, sources),
            ],
            capture_output=True,
            text=True,
            timeout=_CONVERT_TIMEOUT,
            check=False,
        )
        failed = [
            s.name
            for s in sources
            if not (root / "pdf" / f"{s.stem}.pdf").exists()
            or (root / "pdf" / f"{s.stem}.pdf").read_bytes()[:5] != b"%PDF-"
        ]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if failed or result.returncode != 0:
        if reporter:
            reporter.write_line(
                f"LibreOffice could not convert {len(failed)} of {len(sources)} test reports: "
                f"{', '.join(failed[:5])} (exit {result.returncode}) {result.stderr[-300:]}",
                red=True,
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif reporter:
        reporter.write_line(
            f"LibreOffice converted all {len(sources)} Word reports the tests produced to PDF."
        )
