"""Errors the library raises; the CLI turns each into one line and exit code 2.

Messages say what is wrong and, where it helps, how to fix it. They name the
file (and clause or value) they are about, so that `str(error)` alone is a
complete one-line report.
"""

from __future__ import annotations


class DpaCompareError(Exception):
    """Base class of every error dpa_compare raises on purpose."""


class LoadError(DpaCompareError):
    """An input file cannot be read: missing, unsupported, damaged, unsafe or empty.

    `path` is the file concerned; the message starts with it.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class AlignmentError(DpaCompareError):
    """Two documents could not be aligned, or an alignment failed its self-check."""


class UsageError(DpaCompareError):
    """A caller passed options that cannot work together."""


class OutputError(DpaCompareError):
    """An output cannot be written: it is an input, its folder is missing or read-only, the disk is
    full.

    `path` is the output concerned; the message starts with it.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
