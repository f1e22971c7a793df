"""The shared data model every pipeline stage speaks.

Readers produce `Block`s (one per paragraph or table cell, as the source shows
it); segmentation turns blocks into a `Document` of `Clause`s; alignment,
version comparison, QA and reporting consume documents and produce their own
records. Every record is a frozen dataclass that round-trips through JSON via
`to_dict()` / `from_dict()`, so any stage's output can serve as a golden file.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Literal, get_args

Language = Literal["en", "zh"]

BlockKind = Literal["paragraph", "table_cell"]
"""How a reader met a block in its source."""

ClauseKind = Literal[
    "heading", "clause", "paragraph", "list_item", "definition", "table_row", "table_cell"
]
"""What a clause is: `heading` — a numbered or unnumbered title with no body of
its own (Chapter I, Annex 2, `第一章`); `clause` — a numbered provision
(`7.2`, `Article 28`, `第七条`); `list_item` — an enumerated item inside a
clause (`(a)`, `(i)`, `（一）`, `一、`); `paragraph` — an unnumbered paragraph
attached to the preceding numbered clause; `definition` — a paragraph or item
defining a quoted term; `table_row` — one row of a table, its cells joined
with ` | ` (a sub-processor list compares and aligns row by row);
`table_cell` — reserved for a table used as page layout, one cell a clause."""

CLAUSE_KINDS: tuple[str, ...] = get_args(ClauseKind)


@dataclass(frozen=True)
class OcrDoubt:
    """A line read from an image by OCR with low confidence: what was read, how sure, and where.

    `location` names the page and the line's position on it (`page 2, 38% down`), so a
    person can find the line in the image and check the figures in it.
    """

    text: str
    confidence: float
    location: str


@dataclass(frozen=True)
class Block:
    """One paragraph or table cell as a reader found it, before segmentation.

    `text` is what a person reads, with Word's automatic number or a Markdown
    list marker removed and given separately as `auto_label`, so the segmenter
    sees typed and generated numbering alike. `heading_level` is 1–9 when the
    source marks the block as a heading (Word heading style, `#` / setext
    heading, `<h2>`), else None. `list_level` is the nesting depth (0-based)
    of a list item, else None. `bold_lead` is a bold run-in title at the start
    of the text (`**Confidentiality.** The Processor …`) without its markup.
    A heading_level of 0 marks the document's title (Word's Title style).
    `location` says where the block sits in its source, for users
    (`paragraph 12`, `line 34`, `page 3`, `table 1 row 2 cell 3`).
    `cell` is (table, row, column), each counted from 1 in document order, for
    a table cell, else None; `header` is True for a cell of a table's header
    row (Markdown's first row, `<th>`/`<thead>`, Word's repeated header row).
    `ocr_confidence` is the lowest OCR confidence (0–1) of the block's lines when
    the text was read from an image, else None; `ocr_doubts` are its lines read
    with low confidence.
    """

    text: str
    location: str
    kind: BlockKind = "paragraph"
    auto_label: str | None = None
    heading_level: int | None = None
    list_level: int | None = None
    bold_lead: str | None = None
    cell: tuple[int, int, int] | None = None
    header: bool = False
    ocr_confidence: float | None = None
    ocr_doubts: tuple[OcrDoubt, ...] = ()


@dataclass(frozen=True)
class Clause:
    """One clause of a document: a numbered provision, heading, item or paragraph.

    `id` is stable: the same input always yields the same id, and every command
    refers to clauses by it. `label` is the number exactly as a reader sees it
    (`7.2(a)` prints as `(a)` under `7.2`; `Article 28`, `第七条`, `第 1-1 條`,
    `（一）`), empty for unnumbered paragraphs. `path` is the normalised number
    path from the top (`("7", "2", "a")`, `("ch1", "art1-1")`), language- and
    script-independent so that `第七条` and `Section 7` both normalise to `7`
    at their level. `level` is the depth in the clause tree (0 at top).
    `parent` is the id of the enclosing clause, None at top level. `term` is
    the defined term of a definition clause. `heading` is the clause's title
    (`Sub-processors`, `总则`), `text` its body text. `ref` is the full
    citation built from the parents' labels (`7.2(a)`); `citation` is what
    every output shows. `ocr_confidence` and `ocr_doubts` come from the block
    when its text was read from an image by OCR (see `Block`); None and empty
    otherwise.
    """

    id: str
    label: str
    path: tuple[str, ...]
    level: int
    parent: str | None
    kind: ClauseKind
    text: str
    heading: str = ""
    term: str | None = None
    location: str = ""
    ref: str = ""
    ocr_confidence: float | None = None
    ocr_doubts: tuple[OcrDoubt, ...] = ()

    @property
    def citation(self) -> str:
        """Return how a reader cites the clause: its full `ref` (`7.2(a)`, `Article 13 ¶2`,
        `第 13 條 一、`), else its `label`, white space folded; "" for a clause with neither.
        """
        return " ".join((self.ref or self.label).split())

    @property
    def full_text(self) -> str:
        """Return heading and body joined, as compared and displayed."""
        if self.heading and self.text:
            return f"{self.heading} {self.text}"
        return self.heading or self.text


@dataclass(frozen=True)
class Document:
    """A segmented document in one language.

    `source` is the input path as given; `sha256` the hex digest of its bytes.
    `version` and `date` are the version label and ISO date when known (from
    the caller or the file's own date line). `clauses` are in document order.
    """

    source: str
    lang: Language
    sha256: str
    clauses: tuple[Clause, ...]
    version: str | None = None
    date: str | None = None
    title: str = ""

    def clause(self, clause_id: str) -> Clause:
        """Return the clause with id `clause_id`; KeyError when absent."""
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(f"{self.source}: no clause with id {clause_id!r}")

    def children(self, clause_id: str | None) -> list[Clause]:
        """Return the direct children of `clause_id` (None: the top level)."""
        return [c for c in self.clauses if c.parent == clause_id]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the whole document."""
        return to_jsonable(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Return the document `data` (as made by `to_dict`) describes."""
        clauses = tuple(
            Clause(
                **{
                    **c,
                    "path": tuple(c["path"]),
                    "ocr_doubts": tuple(OcrDoubt(**d) for d in c.get("ocr_doubts", ())),
                }
            )
            for c in data["clauses"]
        )
        return cls(**{**data, "clauses": clauses})

    def to_json(self) -> str:
        """Return the document as a JSON string (UTF-8 characters, not escapes)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Document:
        """Return the document serialised in `text`."""
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class Link:
    """One link of an EN⇄ZH alignment: English clause ids beside Chinese clause ids.

    Either side may be empty (1-0: an English clause with no translation;
    0-1: a Chinese clause with no source). `confidence` is in [0, 1];
    `evidence` names what matched (`label 7.2 = 7.2`, `anchors 48|2016/679`,
    `length`, `lexicon 0.62`, `embedding 0.81`); `flagged` is True when the
    link is below the confidence threshold and needs a person's look.
    """

    en_ids: tuple[str, ...]
    zh_ids: tuple[str, ...]
    confidence: float
    evidence: tuple[str, ...] = ()
    flagged: bool = False

    @property
    def shape(self) -> str:
        """Return the bead type, e.g. `1-1`, `2-1`, `1-0`."""
        return f"{len(self.en_ids)}-{len(self.zh_ids)}"


@dataclass(frozen=True)
class Alignment:
    """The alignment of an English document with its Chinese counterpart.

    `links` are in document order and cover every clause of both documents
    exactly once. `scorers` names the evidence the aligner used, so every
    output can say how it was made.
    """

    en: Document
    zh: Document
    links: tuple[Link, ...]
    scorers: tuple[str, ...] = ()

    def check_cover(self) -> None:
        """Raise ValueError unless every clause of both documents is in exactly one link."""
        for side, document in (("en", self.en), ("zh", self.zh)):
            seen = [cid for link in self.links for cid in getattr(link, f"{side}_ids")]
            expected = [c.id for c in document.clauses]
            if sorted(seen) != sorted(expected):
                missing = sorted(set(expected) - set(seen))[:5]
                doubled = sorted({cid for cid in seen if seen.count(cid) > 1})[:5]
                extra = sorted(set(seen) - set(expected))[:5]
                raise ValueError(
                    f"alignment of {document.source} does not cover its clauses once: "
                    f"missing {missing}, doubled {doubled}, unknown {extra}"
                )


def paragraph_step(number: int) -> str:
    """Return the path element of an article's `number`-th unnumbered paragraph (`p2`): the form
    the segmenter writes, the aligner proposes and citations are placed by."""
    return f"p{number}"


def paragraph_number(step: str) -> int | None:
    """Return the paragraph number of path element `step` (`p2` → 2), else None."""
    return int(step[1:]) if step[:1] == "p" and step[1:].isdigit() else None


def to_jsonable(value: Any) -> Any:
    """Return `value` (any model record, or nesting of them) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


__all__ = [
    "Alignment",
    "Block",
    "BlockKind",
    "CLAUSE_KINDS",
    "Clause",
    "ClauseKind",
    "Document",
    "Language",
    "Link",
    "OcrDoubt",
    "paragraph_number",
    "paragraph_step",
    "to_jsonable",
]
