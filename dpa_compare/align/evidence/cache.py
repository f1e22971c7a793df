"""A per-user cache of parsed resources (the encoder's tokenizer, CC-CEDICT), reused between runs.

Both resources ship as text that is parsed in Python on every start — about
2 s for the tokenizer's 128,000 pieces and 1 s for the dictionary, most of a
small alignment's wall time. The parsed objects are pickled once to
`$DPA_COMPARE_CACHE` (default `$XDG_CACHE_HOME/dpa_compare`, else
`~/.cache/dpa_compare`) under a name that changes with the source file's
path, size and modification time and the package version, and read back in
a fraction of that. `DPA_COMPARE_CACHE=off` disables it. Nothing is ever
downloaded: the cache only holds what was parsed from installed files. Any
failure to read or write the cache falls back to parsing, silently: a cache
is an optimisation, never a source of errors.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dpa_compare.files import cache_dir

T = TypeVar("T")

FORMAT = 1
"""Bumped when a cached object's layout changes, so that old files are not read."""


def source_key(path: str | Path, *extra: str) -> str:
    """Return a key that changes with the file at `path` (path, size, mtime) and `extra` strings."""
    stat = Path(path).stat()
    return "|".join([str(Path(path).resolve()), str(stat.st_size), str(stat.st_mtime_ns), *extra])


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """Return the object cached as `name` for `key`, else `build()` it and cache it."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(f"{FORMAT}|{key}".encode()).hexdigest()[:20]
    path = folder / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 -- a missing, stale or broken cache file is rebuilt
        pass
    value = build()
    try:
        from dpa_compare.files import write_atomically

        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 -- an unwritable cache only costs the next run the parse
        pass
    return value


__all__ = ["cache_dir", "cached", "source_key"]
