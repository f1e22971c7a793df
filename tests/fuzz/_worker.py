"""Fuzz worker: run `dpa-compare segment FILE` on each file in a forked child with hard limits.

Run as `python -m tests.fuzz._worker LIST.json RESULTS.json`. The parent
imports dpa_compare and its readers once, then forks one child per case, so
a case costs milliseconds instead of an interpreter start. Each child gets an
address-space limit (`MEMORY_LIMIT`) and is killed after `CASE_SECONDS`; its
exit status, stderr, wall time and peak resident memory (from `wait4`) are
written to RESULTS.json for the test to judge.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time

CASE_SECONDS = 20.0
"""A case running longer than this is killed and reported as a hang."""

MEMORY_LIMIT = 3 * 1024**3
"""Address-space limit of each case, in bytes (peak resident memory is checked separately)."""


def _preload() -> None:
    """Import the CLI and every reader before forking, so each child starts warm."""
    import pdfplumber  # noqa: F401

    import dpa_compare.cli  # noqa: F401
    import dpa_compare.io.docx  # noqa: F401
    import dpa_compare.io.html  # noqa: F401
    import dpa_compare.io.pdf  # noqa: F401
    import dpa_compare.io.text  # noqa: F401


def _child(path: str, err_fd: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(err_fd, 2)
    from dpa_compare.cli import main

    try:
        main(["segment", path])
    except SystemExit as done:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(done.code if isinstance(done.code, int) else 1)
    os._exit(0)


def run_case(path: str, err_path: str) -> dict[str, object]:
    """Return what `dpa-compare segment path` did in a limited child: code, stderr, seconds, peak
    KB."""
    err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(path, err_fd)
    os.close(err_fd)
    status, usage = 0, None
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - started > CASE_SECONDS:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.005)
    seconds = time.monotonic() - started
    with open(err_path, encoding="utf-8", errors="replace") as stream:
        stderr = stream.read()
    code = os.waitstatus_to_exitcode(status)
    return {"path": path, "code": code, "stderr": stderr, "seconds": seconds,
            "peak_kb": usage.ru_maxrss if usage else 0}  # fmt: skip


def main(argv: list[str]) -> None:
    """Run every case listed in argv[0] (a JSON list of paths); write the results to argv[1]."""
    cases = json.loads(open(argv[0], encoding="utf-8").read())
    _preload()
    err_path = argv[1] + ".stderr"
    results = [run_case(path, err_path) for path in cases]
    with open(argv[1], "w", encoding="utf-8") as stream:
        json.dump(results, stream)


if __name__ == "__main__":
    main(sys.argv[1:])
