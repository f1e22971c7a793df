"""Bilingual glossaries: load YAML, CSV or TBX term lists and look terms up in clause text.

Every format yields the same `Glossary` of `GlossaryEntry(en, zh, forbidden,
note)`: one English term, its accepted Chinese renderings, renderings that
must not be used, and a note.

- YAML: a list of entries (or a mapping with an `entries`/`terms`/`glossary`
  list), each `{en, en_variants: [..], defined, zh: str | [..], forbidden: [..],
  note}`; or a plain
  mapping `English term: 中文` / `English term: [中文, ..]`.
- CSV: a header row with `en` and optionally `zh`, `forbidden`, `note`
  (also `case_sensitive`); several values in one cell are separated by `;` or `|`.
- TBX (v2 / TBX-Basic `martif`, also `ntig/termGrp`, and TBX v3 `conceptEntry`):
  per term entry, English and Chinese `langSet`s; a Chinese term whose
  `administrativeStatus` is deprecated or superseded becomes forbidden.
  XML is parsed without entities, DTDs or network access.
- Plain term pairs (`.txt`, and `read_term_pairs` for the aligner's
  `--glossary`): one `english<TAB>chinese` a line (or `=` / `,` between them);
  blank lines and `#` comments are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from dpa_compare.errors import LoadError
from dpa_compare.files import load_yaml, read_input
from dpa_compare.glossary.tbx import read_tbx
from dpa_compare.lang.script import to_simplified

_SPLIT = re.compile(r"\s*[;|]\s*")
ENTRY_FIELDS = ("en", "en_variants", "defined", "zh", "forbidden", "note", "case_sensitive")
"""The fields of a YAML entry or CSV column, in the order `corpus/glossary.yaml` writes them."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: English `en`, accepted Chinese renderings `zh`, `forbidden` renderings and a
    `note`.

    Matching of `en` ignores case unless `case_sensitive`, and accepts a
    plural or possessive ending (`Sub-processors`, `Controller's`). `variants`
    are other English forms of the same concept (`DPA`, `California Consumer
    Privacy Act`); `defined` marks a defined term of the document.
    """

    en: str
    zh: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool = False
    variants: tuple[str, ...] = ()
    defined: bool = False

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Return the regular expression finding `en` or a variant as whole words in English
        text."""
        forms = sorted(
            {self.en.strip(), *(v.strip() for v in self.variants if v.strip())},
            key=len,
            reverse=True,
        )
        alternatives = "|".join(
            r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", form)) for form in forms
        )
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s|['’]s|s['’])?(?![\w-])", flags)

    def find(self, text: str) -> list[str]:
        """Return the forms of the term used in `text`, in order (`DPA`, `Sub-processors`).

        A defined term written with a capital (`Provider`, `Services`) is
        only that term when capitalised: `service provider` is not it.
        """
        capital = self.defined and self.en[:1].isupper() and not self.case_sensitive
        return [
            m.group() for m in self.pattern.finditer(text) if not capital or m.group()[:1].isupper()
        ]

    def in_english(self, text: str) -> bool:
        """Return True when `text` uses the English term."""
        return bool(self.find(text))

    def rendering_in(self, text: str) -> str | None:
        """Return the longest accepted Chinese rendering found in `text`, else None.

        Traditional and Simplified forms match each other (個人資料 finds 个人资料).
        """
        simple = to_simplified(text)
        found = [z for z in self.zh if z and to_simplified(z) in simple]
        return max(found, key=len) if found else None

    def forbidden_in(self, text: str) -> list[str]:
        """Return the forbidden renderings in `text`, ignoring those inside an accepted
        rendering."""
        masked = to_simplified(text)
        for rendering in sorted(self.zh, key=len, reverse=True):
            if rendering:
                simple = to_simplified(rendering)
                masked = masked.replace(simple, "\0" * len(simple))
        return [f for f in self.forbidden if f and to_simplified(f) in masked]


@dataclass(frozen=True)
class Glossary:
    """A glossary: its entries in file order, plus the file it came from."""

    entries: tuple[GlossaryEntry, ...]
    source: str = ""
    _index: dict[str, GlossaryEntry] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._index.setdefault(entry.en.casefold(), entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):  # noqa: ANN204
        return iter(self.entries)

    def lookup(self, en: str) -> GlossaryEntry | None:
        """Return the entry for English term `en` (case-insensitive), else None."""
        return self._index.get(en.strip().casefold())

    def in_english(self, text: str) -> list[GlossaryEntry]:
        """Return the entries whose English term occurs in `text`, longest term first."""
        return sorted((e for e in self.entries if e.in_english(text)), key=lambda e: -len(e.en))

    def latin_terms(self) -> set[str]:
        """Return every term of the glossary written in Latin script (English terms and Latin
        renderings)."""
        terms = {e.en for e in self.entries}
        terms.update(z for e in self.entries for z in e.zh if re.search(r"[A-Za-z]", z))
        return terms


def load_glossary(path: str | Path) -> Glossary:
    """Return the glossary in `path` (`.yaml`/`.yml`, `.csv`/`.tsv`, `.tbx`/`.xml`); LoadError when
    unreadable."""
    file = Path(path)
    data = read_input(file, "glossary")
    suffix = file.suffix.lower()
    readers = {
        ".yaml": _from_yaml,
        ".yml": _from_yaml,
        ".csv": _from_csv,
        ".tsv": _from_csv,
        ".tbx": _from_tbx,
        ".xml": _from_tbx,
        ".txt": _from_pairs,
    }
    if suffix not in readers:
        raise LoadError(
            file,
            f"unsupported glossary format {suffix or '(no suffix)'!r}; "
            "use .yaml, .csv, .tbx or .txt",
        )
    if not data.strip() or data.strip() == b"\xef\xbb\xbf":
        # -- say so plainly: each reader would otherwise blame a missing header, root or list --
        raise LoadError(
            file, "glossary file is empty; give it at least one entry or leave out --glossary"
        )
    entries = readers[suffix](data, file)
    if not entries:
        raise LoadError(file, "glossary has no entries")
    return Glossary(tuple(entries), str(file))


def _text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"glossary is not UTF-8 text (byte {exc.start})") from None


def _values(raw: Any, path: Path, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return tuple(v for v in _SPLIT.split(raw.strip()) if v)
    if isinstance(raw, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in raw):
        return tuple(str(v).strip() for v in raw if str(v).strip())
    raise LoadError(
        path, f"{where}: expected a string or a list of strings, got {type(raw).__name__}"
    )


def _entry(raw: dict[str, Any], path: Path, where: str) -> GlossaryEntry:
    en = raw.get("en")
    if not isinstance(en, str) or not en.strip():
        raise LoadError(path, f"{where}: entry has no English term ('en')")
    unknown = set(raw) - set(ENTRY_FIELDS)
    if unknown:
        raise LoadError(path, f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    return GlossaryEntry(
        en=en.strip(),
        zh=_values(raw.get("zh"), path, where),
        forbidden=_values(raw.get("forbidden"), path, where),
        note=str(raw.get("note") or "").strip(),
        case_sensitive=_flag(raw.get("case_sensitive", False)),
        variants=_values(raw.get("en_variants"), path, where),
        defined=_flag(raw.get("defined", False)),
    )


def _flag(value: Any) -> bool:
    return (
        value.strip().lower() in ("1", "true", "yes", "y")
        if isinstance(value, str)
        else bool(value)
    )


def _from_yaml(data: bytes, path: Path) -> list[GlossaryEntry]:
    import yaml

    try:
        doc = load_yaml(_text(data, path), path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise LoadError(
            path, f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}"
        ) from None
    if isinstance(doc, dict):
        for key in ("entries", "terms", "glossary"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    if isinstance(doc, dict):
        return [_mapping_entry(k, v, path) for k, v in doc.items()]
    if not isinstance(doc, list):
        raise LoadError(path, "YAML glossary must be a list of entries or a mapping of terms")
    entries = []
    for i, raw in enumerate(doc, 1):
        if not isinstance(raw, dict):
            raise LoadError(
                path, f"entry {i}: expected a mapping with 'en' and 'zh', got {type(raw).__name__}"
            )
        entries.append(_entry(raw, path, f"entry {i}"))
    return entries


def _mapping_entry(key: Any, value: Any, path: Path) -> GlossaryEntry:
    if isinstance(value, dict):
        return _entry({"en": str(key), **value}, path, f"term {key!r}")
    return _entry({"en": str(key), "zh": value}, path, f"term {key!r}")


def _from_csv(data: bytes, path: Path) -> list[GlossaryEntry]:
    text = _text(data, path)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = (
        "\t" if path.suffix.lower() == ".tsv" or ("\t" in first and "," not in first) else ","
    )
    rows = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = [f.strip().lower() for f in rows.fieldnames or []]
    if "en" not in fields:
        raise LoadError(
            path,
            "CSV glossary needs a header row with an 'en' column (and 'zh', 'forbidden', 'note')",
        )
    rows.fieldnames = fields
    entries = []
    try:
        for row in rows:
            if None in row:
                raise LoadError(path, f"line {rows.line_num}: more cells than header columns")
            cells = {k: v for k, v in row.items() if k in ENTRY_FIELDS and v}
            if not any((v or "").strip() for v in row.values()):
                continue
            entries.append(_entry(cells, path, f"line {rows.line_num}"))
    except csv.Error as exc:
        raise LoadError(path, f"invalid CSV at line {rows.line_num}: {exc}") from None
    return entries


def _from_tbx(data: bytes, path: Path) -> list[GlossaryEntry]:
    return [
        GlossaryEntry(term.en, term.zh, term.forbidden, term.note) for term in read_tbx(data, path)
    ]


def _from_pairs(data: bytes, path: Path) -> list[GlossaryEntry]:
    return [GlossaryEntry(en, (zh,)) for en, zh in _term_pairs(_text(data, path), path)]


def read_term_pairs(path: str | Path) -> list[tuple[str, str]]:
    """Return the (english, chinese) pairs of a plain term list, one `english<TAB>chinese` a line.

    `=` or `,` may stand for the tab; blank lines and lines starting with `#`
    are skipped. Raises LoadError naming the file and line when a line holds
    no pair.
    """
    try:
        text = read_input(path, "glossary").decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(path, f"cannot read the glossary: {error}") from error
    return _term_pairs(text, path)


def _term_pairs(text: str, path: str | Path) -> list[tuple[str, str]]:
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = re.split(r"\t|\s*=\s*|\s*,\s*", line.strip(), maxsplit=1)
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise LoadError(
                path, f"line {number}: expected 'english<TAB>chinese', got {line.strip()!r}"
            )
        pairs.append((parts[0], parts[1]))
    return pairs


__all__ = ["ENTRY_FIELDS", "Glossary", "GlossaryEntry", "load_glossary", "read_term_pairs"]
