"""Version history: every version of a named document, kept in one SQLite file.

    >>> store = HistoryStore.open("history.sqlite3")                 # doctest: +SKIP
    >>> store.add("acme-dpa", load("dpa-2024-09.md"), "3.0", "2024-09-01")   # doctest: +SKIP
    >>> [v.label for v in store.versions("acme-dpa")]                # doctest: +SKIP
    ['1.0', '2.0', '3.0']

A version is stored as the segmented `Document` (JSON), the source file's
sha256, its label, date and language, and one row per clause. Adding a
version is one transaction (`BEGIN IMMEDIATE` … `COMMIT`, WAL journal): a
crash or a kill part-way leaves the database as it was, never a version
without all its clauses. The same content (same sha256) twice under one name
is refused, as is a label already used, and a version in another language
than the name's first (a translation is a document of its own: its versions
diff against each other, not against the original's).

Where the file lives: `--db`, else the environment variable
`DPA_COMPARE_DB`, else `$XDG_DATA_HOME/dpa-compare/history.sqlite3`
(`~/.local/share/dpa-compare/history.sqlite3` when XDG_DATA_HOME is unset).

Test hook: when `DPA_COMPARE_TEST_SLOW_WRITE` is set to a number of seconds,
`add` sleeps that long after each clause row, so a test can kill the process
in the middle of a write. It changes nothing else.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from dpa_compare.errors import DpaCompareError
from dpa_compare.model import Document

__all__ = [
    "DB_ENV",
    "SLOW_WRITE_ENV",
    "DuplicateVersionError",
    "HistoryError",
    "HistoryStore",
    "VersionRecord",
    "default_db_path",
]

DB_ENV = "DPA_COMPARE_DB"
"""Environment variable naming the history database (overridden by `--db`)."""

SLOW_WRITE_ENV = "DPA_COMPARE_TEST_SLOW_WRITE"
"""Test hook: seconds to sleep after each clause row written by `add`."""

SCHEMA_VERSION = 1

BUSY_TIMEOUT = 15.0
"""Seconds a writer waits for another writer's lock before giving up with a clear message.
Readers never wait: the journal is WAL, where reading goes on beside one writer."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    date TEXT,
    lang TEXT NOT NULL,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    clause_count INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    document TEXT NOT NULL,
    UNIQUE (name, label),
    UNIQUE (name, sha256)
);
CREATE TABLE IF NOT EXISTS clauses (
    version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    clause_id TEXT NOT NULL,
    citation TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (version_id, position)
);
"""


class HistoryError(DpaCompareError):
    """The history database cannot do what was asked: unknown name or version, unreadable file."""


class DuplicateVersionError(HistoryError):
    """The same document content, or the same version label, is already stored under the name."""


@dataclass(frozen=True)
class VersionRecord:
    """One stored version: `name` of the document, `label` of the version, and its metadata.

    `seq` counts the versions of `name` from 1 in the order they were added;
    `sha256` is the source file's digest; `date` an ISO date or None.
    """

    name: str
    label: str
    seq: int
    date: str | None
    lang: str
    source: str
    sha256: str
    clause_count: int
    added_at: str

    def to_dict(self) -> dict[str, object]:
        """Return the record as JSON-ready data."""
        return dict(self.__dict__)


def default_db_path() -> Path:
    """Return the database path from `DPA_COMPARE_DB`, else the user's data directory."""
    explicit = os.environ.get(DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dpa-compare" / "history.sqlite3"


class HistoryStore:
    """The version history in one SQLite database file; use `HistoryStore.open`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, create: bool = True) -> HistoryStore:
        """Return the store at `path` (default: `default_db_path()`).

        A missing database is created when `create` is True; otherwise it is
        a `HistoryError` — reading a history never leaves an empty database behind.
        With `create` False the connection is read-only (`mode=ro`): it never
        writes, and in WAL mode it reads beside a running `add` without waiting.
        """
        target = Path(path).expanduser() if path is not None else default_db_path()
        if not create and not target.is_file():
            raise HistoryError(
                f"{target}: no history database here yet; add a version first (dpa-compare history "
                "add)"
            )
        try:
            connection = _connect_reader(target) if not create else _connect_writer(target)
        except (sqlite3.Error, OSError) as error:
            raise HistoryError(f"{target}: cannot open the history database: {error}") from error
        return cls(connection, target)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def add(
        self, name: str, document: Document, label: str, date: str | None = None
    ) -> VersionRecord:
        """Store `document` as version `label` of `name` in one transaction; return its record.

        Raises `DuplicateVersionError` when `name` already holds a version with
        the same sha256 or the same label, and `HistoryError` when its versions
        are in another language than `document`.
        """
        _check_name(name, "document name")
        _check_name(label, "version label")
        date = date or document.date
        slow = _slow_write_seconds()
        with self._transaction():
            self._refuse_duplicates(name, document, label)
            self._refuse_other_language(name, document)
            added_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            cursor = self._db.execute(
                "INSERT INTO versions (name, label, date, lang, source, sha256, clause_count, "
                "added_at, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    label,
                    date,
                    document.lang,
                    document.source,
                    document.sha256,
                    len(document.clauses),
                    added_at,
                    document.to_json(),
                ),
            )
            version_id = cursor.lastrowid
            for position, clause in enumerate(document.clauses):
                self._db.execute(
                    "INSERT INTO clauses (version_id, position, clause_id, citation, text) VALUES "
                    "(?, ?, ?, ?, ?)",
                    (version_id, position, clause.id, clause.citation, clause.full_text),
                )
                if slow:
                    time.sleep(slow)
        return self.version(name, label)

    def _refuse_duplicates(self, name: str, document: Document, label: str) -> None:
        same = self._db.execute(
            "SELECT label FROM versions WHERE name = ? AND sha256 = ?", (name, document.sha256)
        ).fetchone()
        if same:
            raise DuplicateVersionError(
                f"{document.source}: the same content is already stored as version {same[0]!r} of "
                f"{name!r}"
            )
        if self._db.execute(
            "SELECT 1 FROM versions WHERE name = ? AND label = ?", (name, label)
        ).fetchone():
            raise DuplicateVersionError(
                f"{document.source}: {name!r} already has a version {label!r}; choose another "
                "--version label"
            )

    def _refuse_other_language(self, name: str, document: Document) -> None:
        row = self._db.execute(
            "SELECT lang FROM versions WHERE name = ? ORDER BY id LIMIT 1", (name,)
        ).fetchone()
        if row and row[0] != document.lang:
            languages = {"en": "English", "zh": "Chinese"}
            raise HistoryError(
                f"{document.source}: is in {languages.get(document.lang, document.lang)}, but the "
                f"versions of {name!r} are in {languages.get(row[0], row[0])}; store it under a "
                f"name of its own (e.g. {name}-{document.lang})"
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise HistoryError(
                    f"{self.path}: another process has been writing to the history database for "
                    f"more than {BUSY_TIMEOUT:g} s; try again when it has finished"
                ) from error
            raise HistoryError(
                f"{self.path}: cannot write to the history database: {error}"
            ) from error
        except sqlite3.Error as error:
            raise HistoryError(
                f"{self.path}: cannot write to the history database: {error}"
            ) from error
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- reading ------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Return every document name in the store, sorted."""
        return [
            row[0] for row in self._db.execute("SELECT DISTINCT name FROM versions ORDER BY name")
        ]

    def versions(self, name: str) -> list[VersionRecord]:
        """Return the versions of `name` in the order they were added (HistoryError if there are
        none)."""
        rows = self._db.execute(
            "SELECT name, label, date, lang, source, sha256, clause_count, added_at FROM versions"
            " WHERE name = ? ORDER BY id",
            (name,),
        ).fetchall()
        if not rows:
            known = ", ".join(self.names()) or "none"
            raise HistoryError(f"{self.path}: no document named {name!r} (stored: {known})")
        return [
            VersionRecord(r[0], r[1], seq, r[2], r[3], r[4], r[5], r[6], r[7])
            for seq, r in enumerate(rows, 1)
        ]

    def version(self, name: str, label: str) -> VersionRecord:
        """Return the record of version `label` of `name` (HistoryError if absent)."""
        records = self.versions(name)
        for record in records:
            if record.label == label:
                return record
        labels = ", ".join(v.label for v in records)
        raise HistoryError(f"{self.path}: {name!r} has no version {label!r} (versions: {labels})")

    def document(self, name: str, label: str) -> Document:
        """Return the stored `Document` of version `label` of `name`, with its version and date
        set."""
        return self._document(self.version(name, label))

    def documents(self, name: str) -> list[tuple[VersionRecord, Document]]:
        """Return every version of `name` with its document, in the order they were added."""
        # -- one listing for all versions: `document` per label would list them again each time --
        return [(record, self._document(record)) for record in self.versions(name)]

    def _document(self, record: VersionRecord) -> Document:
        row = self._db.execute(
            "SELECT document FROM versions WHERE name = ? AND label = ?",
            (record.name, record.label),
        ).fetchone()
        document = Document.from_json(row[0])
        return Document(**{**document.__dict__, "version": record.label, "date": record.date})

    def check(self) -> list[str]:
        """Return problems found: SQLite's integrity check, and versions missing clause rows (none:
        [])."""
        problems = [row[0] for row in self._db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for version_id, name, label, expected, found in self._db.execute(
            "SELECT v.id, v.name, v.label, v.clause_count, COUNT(c.position) FROM versions v"
            " LEFT JOIN clauses c ON c.version_id = v.id GROUP BY v.id"
        ):
            if expected != found:
                problems.append(
                    f"version {label!r} of {name!r} (id {version_id}) has {found} of {expected} "
                    "clauses"
                )
        return problems


def _connect_reader(target: Path) -> sqlite3.Connection:
    """Return a read-only connection (`mode=ro`): reading a history never writes to it."""
    uri = f"file:{quote(str(target.resolve()))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
    try:
        connection.execute("SELECT count(*) FROM versions").fetchone()
    except sqlite3.Error as error:
        connection.close()
        if "no such table" in str(error):
            raise sqlite3.DatabaseError("it holds no dpa-compare history") from error
        raise
    return connection


def _connect_writer(target: Path) -> sqlite3.Connection:
    """Return a connection for `add`: WAL journal, busy timeout, schema created once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # -- isolation_level=None: no implicit transactions; `add` opens its own --
    connection = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT)
    try:
        if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _check_name(value: str, what: str) -> None:
    if not value or not value.strip() or value != value.strip():
        raise HistoryError(f"{what} {value!r} is empty or has surrounding spaces")


def _slow_write_seconds() -> float:
    raw = os.environ.get(SLOW_WRITE_ENV, "")
    try:
        return max(0.0, float(raw)) if raw else 0.0
    except ValueError:
        return 0.0
