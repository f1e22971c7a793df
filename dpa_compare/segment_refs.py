"""Clause ids, normalised paths and citations, given a clause's label and its parent.

Ids are built from the normalised number path with a word prefix where the
scheme needs one (`ch1`, `art1-1`, `annex1.2`, `7.2.a`, `art2.1`,
`7.2.p1`), so the same input always yields the same ids, and renumbering
elsewhere in a document leaves an id alone. Citations (`ref`) are what a
person writes: `7.2(a)(i)`, `Annex 1 2`, `Article 13 ¶2`, `第 13 條 一、`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dpa_compare.lang.labels import CONTAINER_RANK, SCHEME_PREFIX, LabelMatch, strip_label_dot
from dpa_compare.model import Clause, paragraph_step

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_ALNUM_TOKEN = re.compile(r"[^A-Za-z0-9]")
_LETTER_SCHEMES = ("alpha", "ALPHA", "roman", "ROMAN")


@dataclass(frozen=True)
class Names:
    """A clause's `id`, `path` and `ref`."""

    id: str
    path: tuple[str, ...]
    ref: str


@dataclass(frozen=True)
class ParentInfo:
    """What naming needs to know of a parent: the clause, its scheme and number."""

    clause: Clause
    scheme: str
    numbers: tuple[int, ...]


class Naming:
    """Hand out ids, paths and citations in document order, remembering what it gave."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next_suffix: dict[str, int] = {}  # -- where the search for a free `_N` resumes --
        self.paragraphs: dict[str | None, int] = {}
        self.headings: dict[str | None, int] = {}
        self.rows: dict[str | None, int] = {}
        self.headers: dict[str | None, int] = {}
        self.bases: dict[str, str] = {}
        self.cited: dict[str, int] = {}  # -- citation base → unnumbered blocks cited from it --

    def name(
        self,
        parent: ParentInfo | None,
        label: str,
        kind: str,
        match: LabelMatch | None,
        annex: Clause | None,
        item: bool = False,
        header: bool = False,
    ) -> Names:
        """Return the names of a new clause under `parent` (None: top level), inside `annex` if any.

        `item` is True for an enumerated item; when it follows the second or a
        later unnumbered paragraph of its parent, that paragraph is part of its
        id and citation (`Article 8 ¶2 1`), as a list restarts under each
        paragraph of a statute's article.
        """
        if kind == "table_row":
            names, base = self._row(parent, header)
        elif match is None:
            names, base = self._unlabelled(parent, kind)
        else:
            if item and parent is not None and self.paragraphs.get(parent.clause.id, 0) >= 2:
                parent = self._via_paragraph(parent)
            names, base = self._labelled(parent, label, match, annex, item)
        unique = self._unique(names.id)
        self.bases[unique] = base
        return Names(unique, names.path, names.ref)

    def _via_paragraph(self, parent: ParentInfo) -> ParentInfo:
        """Return `parent` seen through its latest unnumbered paragraph (same clause, longer id
        and ref)."""
        number = self.paragraphs[parent.clause.id]
        key = f"{parent.clause.id}.p{number}"
        self.bases.setdefault(key, f"{self.bases.get(parent.clause.id, '')} ¶{number}".strip())
        clause = Clause(
            id=key,
            label="",
            path=(*parent.clause.path, paragraph_step(number)),
            level=parent.clause.level,
            parent=parent.clause.parent,
            kind="paragraph",
            text="",
        )
        return ParentInfo(clause, "paragraph", ())

    def _row(self, parent: ParentInfo | None, header: bool) -> tuple[Names, str]:
        """Return the names of a table row: `Annex 3 row 2`, or `Annex 3 header` for a header row.

        Body rows are counted from 1 under their parent, header rows apart, so
        adding a header never renumbers the rows.
        """
        parent_id = parent.clause.id if parent else None
        base = self.bases.get(parent_id, "") if parent_id else ""
        path = parent.clause.path if parent else ()
        counter = self.headers if header else self.rows
        counter[parent_id] = number = counter.get(parent_id, 0) + 1
        word, token = ("header", f"hdr{number}") if header else ("row", f"r{number}")
        cite = word if header and number == 1 else f"{word} {number}"
        ref = _join(base, cite)
        return Names(_child_id(parent_id, token), (*path, token), ref), ref

    def _unlabelled(self, parent: ParentInfo | None, kind: str) -> tuple[Names, str]:
        parent_id = parent.clause.id if parent else None
        base = self.bases.get(parent_id, "") if parent_id else ""
        path = parent.clause.path if parent else ()
        # -- headings and paragraphs share one count for citations: both are unnumbered blocks --
        self.paragraphs[parent_id] = number = self.paragraphs.get(parent_id, 0) + 1
        # -- counted per citation base, not per parent: paragraphs under two unnumbered headings
        #    (or two parts) of one annex are `Annex B ¶1` … `¶5`, never two `Annex B ¶1` --
        self.cited[base] = cited = self.cited.get(base, 0) + 1
        ref = f"{base} ¶{cited}" if base else f"¶{cited}"
        if kind == "heading":
            self.headings[parent_id] = heading_number = self.headings.get(parent_id, 0) + 1
            token = f"h{heading_number}"
            # -- what an unnumbered heading holds is cited from the numbered clause above it --
            return Names(_child_id(parent_id, token), (*path, token), ref), base
        return Names(
            _child_id(parent_id, paragraph_step(number)), (*path, paragraph_step(number)), ref
        ), ref

    def _labelled(
        self,
        parent: ParentInfo | None,
        label: str,
        match: LabelMatch,
        annex: Clause | None,
        item: bool = True,
    ) -> tuple[Names, str]:
        scheme = match.scheme
        parent_id = parent.clause.id if parent else None
        base = self.bases.get(parent_id, "") if parent_id else ""
        path = parent.clause.path if parent else ()
        number = match.number_text
        cite = strip_label_dot(label.strip())
        if scheme == "annex":
            token = SCHEME_PREFIX["annex"] + number
            if parent is not None:  # -- ANNEX I inside an unnumbered APPENDIX --
                return Names(
                    f"{parent.clause.id}.{token}", (*path, token), _join(base, cite)
                ), _join(base, cite)
            return Names(token, (token,), cite), cite
        in_annex = annex.id + "." if annex is not None else ""
        if scheme in CONTAINER_RANK:
            token = SCHEME_PREFIX[scheme] + number
            # -- sections restart in each chapter, so a container's id includes its container --
            outer = (
                parent.clause.id + "."
                if parent is not None and parent.scheme in (*CONTAINER_RANK, "annex")
                else ""
            )
            # -- chapters are not cited: their articles are numbered through the whole text --
            return Names(outer + token, (*path, token), cite), base
        if scheme == "article":
            ref = _join(base, cite)
            return Names(in_annex + SCHEME_PREFIX["article"] + number, (*path, number), ref), ref
        if scheme == "decimal":
            covered = (
                parent is not None and parent.numbers == match.numbers[:-1] and bool(parent.numbers)
            )
            parts = (str(match.numbers[-1]),) if covered else tuple(str(n) for n in match.numbers)
            # -- `1.1` under `第一条` or `1.` already says which section it is in: cite it from
            # above the section --
            ref = (
                _join(_outer(parent.clause), cite)
                if covered and parent
                else _join_decimal(base, cite)
            )
            return Names(_child_id(parent_id, ".".join(parts)), (*path, *parts), ref), ref
        # -- NFKC reads a full-width `（ａ）` as `(a)`, so both print forms get the same id --
        token = (
            _ALNUM_TOKEN.sub("", unicodedata.normalize("NFKC", label))
            if scheme.startswith(_LETTER_SCHEMES)
            else str(match.numbers[-1])
        )
        if scheme.startswith(_LETTER_SCHEMES) and cite[:1] not in "(（" and (item or parent):
            # -- a lettered item is cited in brackets however it is printed: `a.` in a list is
            # `13.3(a)` --
            cite = f"({token})"
        ref = base + cite if cite[:1] in "(（" and base else _join(base, cite)
        return Names(
            _child_id(parent_id, token or str(match.numbers[-1])),
            (*path, str(match.numbers[-1])),
            ref,
        ), ref

    def unique(self, wanted: str) -> str:
        """Return `wanted` made safe and unused as an id, and mark it used."""
        return self._unique(wanted)

    def _unique(self, wanted: str) -> str:
        candidate = _ID_UNSAFE.sub("-", wanted).strip("-.") or "x"
        if candidate in self.used:
            # -- "_" never occurs in a generated id, so a suffixed one cannot collide with a real
            # one --
            count = self.next_suffix.get(candidate, 2)
            while f"{candidate}_{count}" in self.used:
                count += 1
            self.next_suffix[candidate] = count + 1
            candidate = f"{candidate}_{count}"
        self.used.add(candidate)
        return candidate


def _outer(clause: Clause) -> str:
    """Return what a clause's citation says before its own number (`Annex 1` of `Annex 1 2`, ``
    of `7`)."""
    own = strip_label_dot(clause.label.strip())
    return clause.ref[: -len(own)].strip() if own and clause.ref.endswith(own) else clause.ref


def _child_id(parent_id: str | None, token: str) -> str:
    return f"{parent_id}.{token}" if parent_id else token


def _join(base: str, cite: str) -> str:
    return f"{base} {cite}" if base else cite


def _join_decimal(base: str, cite: str) -> str:
    """Return `base` + decimal `cite`, replacing the parent's number it repeats (`7` + `7.2` →
    `7.2`)."""
    if not base:
        return cite
    head, _, last = base.rpartition(" ")
    if cite.startswith(strip_label_dot(last) + "."):
        return f"{head} {cite}" if head else cite
    return f"{base} {cite}"


__all__ = ["Names", "Naming", "ParentInfo"]
