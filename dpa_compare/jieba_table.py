"""jieba's prefix dictionary as an on-disk table, read one word at a time.

jieba keeps every dictionary word and every prefix of one (about 580,000
keys) in a Python dict that it loads whole, from its marshal cache, before
the first cut: 0.4–1.5 s, most of a small Chinese `diff` or `stale`. A cut
only ever looks up substrings of the text being cut, so a small document
needs a few thousand of those keys. `open_table` writes the dictionary once
per user into an SQLite table (keyed by the jieba version and the dictionary
file's size and modification time) and `LazyFrequencies` answers jieba's
lookups from it, remembering each answer. Every lookup returns what the
dict would, so cuts are identical.

Any failure to build or open the table returns None and the caller loads
jieba's dict as usual: the table is an optimisation, never a source of errors.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dpa_compare.files import cache_dir

__all__ = ["FrequencyTable", "LazyFrequencies", "cache_dir", "open_table"]

FORMAT = 1
"""Bumped when the table's layout changes, so that old files are not read."""

_MISSING = object()


class FrequencyTable:
    """Read-only lookups of word → frequency in one SQLite file, with every answer remembered.

    Shared by all `LazyFrequencies` of a process; a lock makes it safe from threads.
    """

    def __init__(self, connection: sqlite3.Connection, total: int) -> None:
        self.total = total
        self._connection = connection
        self._known: dict[str, Any] = {}
        self._lock = threading.Lock()

    def lookup(self, word: str) -> Any:
        """Return the frequency of `word` (0 for a bare prefix), or `_MISSING`."""
        found = self._known.get(word, None)
        if found is not None:
            return found
        with self._lock:
            row = self._connection.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
        found = _MISSING if row is None else row[0]
        self._known[word] = found
        return found


class LazyFrequencies:
    """The mapping jieba uses as `Tokenizer.FREQ`, read from a `FrequencyTable` on demand.

    Words jieba adds (`add_word`, for glossary terms) go to a private overlay,
    so the table stays shared and unchanged; `copy` gives a mapping with its
    own overlay, as `dict(freq)` would.
    """

    def __init__(self, table: FrequencyTable, overlay: dict[str, int] | None = None) -> None:
        self._table = table
        self._overlay: dict[str, int] = overlay if overlay is not None else {}

    def __contains__(self, word: object) -> bool:
        if word in self._overlay:
            return True
        return isinstance(word, str) and self._table.lookup(word) is not _MISSING

    def __getitem__(self, word: str) -> int:
        found = self._overlay.get(word, _MISSING)
        if found is _MISSING:
            found = self._table.lookup(word)
        if found is _MISSING:
            raise KeyError(word)
        return found  # type: ignore[return-value]

    def get(self, word: str, default: Any = None) -> Any:
        """Return the frequency of `word`, or `default` when it is not in the dictionary."""
        try:
            return self[word]
        except KeyError:
            return default

    def __setitem__(self, word: str, frequency: int) -> None:
        self._overlay[word] = frequency

    def __iter__(self) -> Iterator[str]:
        raise TypeError("LazyFrequencies cannot be iterated: it reads words on demand")

    def copy(self) -> LazyFrequencies:
        """Return a mapping over the same table with a copy of this one's added words."""
        return LazyFrequencies(self._table, dict(self._overlay))


def open_table(folder: Path, tokenizer: Any) -> FrequencyTable | None:
    """Return the frequency table for `tokenizer`'s dictionary, building it in `folder` if needed.

    Building loads the dictionary whole once (`tokenizer.initialize`, using
    jieba's own cache in `tokenizer.tmp_dir`), so the first run costs what
    every run cost before, plus about a second to write the table.
    """
    try:
        path = folder / f"jieba-freq-{_key(tokenizer)}.sqlite3"
        if not path.is_file():
            _build(path, tokenizer)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        row = connection.execute("SELECT f FROM meta WHERE k = 'total'").fetchone()
        return FrequencyTable(connection, int(row[0]))
    except Exception:  # noqa: BLE001 -- any trouble falls back to jieba's own loading
        return None


def _key(tokenizer: Any) -> str:
    """Return a digest that changes with jieba's version and its dictionary file."""
    import jieba

    with tokenizer.get_dict_file() as handle:
        dictionary = Path(handle.name)
    stat = dictionary.stat()
    parts = [str(FORMAT), jieba.__version__, str(dictionary), str(stat.st_size)]
    parts.append(str(stat.st_mtime_ns))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def _build(path: Path, tokenizer: Any) -> None:
    """Write `tokenizer`'s loaded dictionary to the SQLite file `path`, atomically."""
    os.makedirs(path.parent, exist_ok=True)
    tokenizer.initialize()
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER) WITHOUT ROWID")
            connection.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, f INTEGER)")
            connection.executemany("INSERT INTO freq VALUES (?, ?)", tokenizer.FREQ.items())
            connection.execute("INSERT INTO meta VALUES ('total', ?)", (tokenizer.total,))
        connection.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
