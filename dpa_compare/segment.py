"""Blocks → clause tree: find each block's label, place it in the hierarchy, give it an id and a
citation.

The hierarchy is built with a stack of open clauses. A label whose numbering
scheme is already open closes back to that level (it is a sibling); a new
scheme opens a child. Some schemes place themselves: dotted decimals by their
prefix (`7.2` under `7`), articles under the nearest chapter or annex,
chapters under parts, annexes at the top. Unlabelled headings nest by
heading level; unlabelled paragraphs attach to the clause before them.
Language knowledge (label words, definitions, titles) lives in `lang/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from dpa_compare.lang import en, zh
from dpa_compare.lang.labels import (
    CONTAINER_RANK,
    LabelMatch,
    article_caption,
    grouping_scheme,
    lone_first_item,
    run_in_first_item,
    split_rest,
    starts_list,
)
from dpa_compare.lang.measures import VERSION_CAPTION
from dpa_compare.lang.script import HAN_CHAR, is_box_drawing_line, strip_invisible
from dpa_compare.lang.sentences import (
    continues_sentence,
    opens_on_closer,
    run_in_item_breaks,
    run_in_outline_breaks,
    run_in_sentence_breaks,
)
from dpa_compare.model import Block, Clause, ClauseKind, Language
from dpa_compare.segment_refs import Naming, ParentInfo

_LANGS = {"en": en, "zh": zh}
_LETTER_HOLDERS = frozenset(
    {"ALPHA_dot", "ALPHA_paren", "ALPHA_rparen", "part", "section", "annex"}
)
_BULLET = "bullet"
_HEADING = "heading"


@dataclass
class _Open:
    """A clause that can still receive children."""

    clause: Clause
    scheme: str
    key: tuple[object, ...]
    numbers: tuple[int, ...]
    heading_level: int | None
    list_level: int | None
    is_item: bool


class Segmenter:
    """Turn the blocks of one document into clauses, in one pass."""

    def __init__(self, lang: Language) -> None:
        self.lang = _LANGS[lang]
        self.stack: list[_Open] = []
        self.clauses: list[Clause] = []
        self.naming = Naming()
        self.last_article: tuple[int, ...] | None = None
        self.article_level: int | None = None
        self.following: Block | None = None

    def run(self, blocks: tuple[Block, ...]) -> list[Clause]:
        """Return the clauses of `blocks` in document order."""
        blocks, openings = self._list_openings(blocks)
        title_index = _title_index(blocks)
        self.article_level = self._article_level(blocks)
        previous = ""
        for index, block in enumerate(blocks):
            if not strip_invisible(block.text).strip() and not block.auto_label:
                continue  # -- a paragraph that prints as nothing is not a clause --
            if _states_version(previous, block):
                matches = []
            else:
                matches = openings.get(index) or self._labels(block)
            self.following = _next_filled(blocks, index)
            previous = block.text
            if title_index is not None and index < title_index and not matches:
                self._front_matter(block)
                continue
            if index == title_index and not matches:
                self._emit(None, "", "heading", block, heading=block.text)
            elif matches:
                self._labelled(block, matches)
            elif block.heading_level is not None and block.kind != "table_cell":
                self._unlabelled_heading(block)
            elif self._closes_clause(block):
                self._unlabelled_heading(replace(block, heading_level=self._clause_level()))
            else:
                self._paragraph(block)
        return self.clauses

    def _list_openings(
        self, blocks: tuple[Block, ...]
    ) -> tuple[tuple[Block, ...], dict[int, list[LabelMatch]]]:
        """Return `blocks` with each list's first item set apart, and the labels read for them.

        A list whose second item stands on a line of its own may have its
        first item run into the introducing paragraph (`…左列各款︰一、基地位置圖。`)
        or typed without its dot (`1 Where …`, `1, Any person …`): read
        alone, item 2 would hang under that paragraph with no item 1 beside
        it. The run-in item becomes a block of its own; the undotted number
        is read as the label of its paragraph (returned by block index).
        """
        out: list[Block] = []
        openings: dict[int, list[LabelMatch]] = {}
        for index, block in enumerate(blocks):
            second = self._second_item(blocks, index)
            if second is None:
                out.append(block)
                continue
            cut = run_in_first_item(
                block.text, second, lambda text: self.lang.match_label(text, False)
            )
            if cut > 0:
                out.append(replace(block, text=block.text[:cut].rstrip()))
                out.append(replace(block, text=block.text[cut:].strip(), bold_lead=None))
                continue
            lone = None if self._labels(block) else lone_first_item(block.text, second)
            if lone is not None:
                openings[len(out)] = [lone]
            out.append(block)
        return tuple(out), openings

    def _second_item(self, blocks: tuple[Block, ...], index: int) -> LabelMatch | None:
        """Return the label of the block after plain paragraph `index` when it numbers a second
        item (`2.`, `(b)`, `二、`), else None."""
        block = blocks[index]
        if block.kind != "paragraph" or block.heading_level is not None or block.auto_label:
            return None
        following = next((b for b in blocks[index + 1 :] if b.text.strip() or b.auto_label), None)
        if following is None or following.heading_level is not None:
            return None
        return next(
            (m for m in self._labels(following) if starts_list(m) and m.numbers == (2,)), None
        )

    def _front_matter(self, block: Block) -> None:
        """Keep a line above the title (a date, banner or version line) as front matter.

        It is a top-level paragraph with its own count (`front matter 1`), so
        adding or dropping one neither re-parents nor renumbers anything below.
        """
        number = len(self.clauses) + 1  # -- only front matter precedes it --
        clause_id = self.naming.unique(f"fm{number}")
        self.clauses.append(
            Clause(
                id=clause_id,
                label="",
                path=(clause_id,),
                level=0,
                parent=None,
                kind="paragraph",
                text=block.text.strip(),
                location=block.location,
                ref=f"front matter {number}",
            )
        )

    # -- labels ------------------------------------------------------------------------------------

    def _labels(self, block: Block) -> list[LabelMatch]:
        heading = block.heading_level is not None
        if block.kind == "table_cell":
            return []
        if block.auto_label:
            found = self.lang.match_label(block.auto_label.strip(), True)
            return [self._as_group(block, replace(m, rest=block.text.strip())) for m in found]
        text = strip_invisible(block.text)
        found = self.lang.match_label(text, heading)
        if found and not heading and self._cited_article(text, found[0]):
            return []
        return [self._as_group(block, m) for m in found]

    def _article_level(self, blocks: tuple[Block, ...]) -> int | None:
        """Return the shallowest heading level of the `Article N` labels (7 for body text), else
        None.

        A `Section N` heading above that level groups articles, as statutes print
        Chapter > Section > Article; elsewhere `Section N` numbers a clause.
        """
        levels = [
            block.heading_level if block.heading_level is not None else 7
            for block in blocks
            if block.kind != "table_cell"
            for found in [self.lang.match_label(block.text, block.heading_level is not None)[:1]]
            if found and found[0].scheme == "article" and grouping_scheme(found[0].label) is None
        ]
        return min(levels) if levels else None

    def _as_group(self, block: Block, match: LabelMatch) -> LabelMatch:
        """Return `match` read as a container when its word groups the document's articles."""
        scheme = grouping_scheme(match.label) if match.scheme == "article" else None
        level, articles = block.heading_level, self.article_level
        if scheme is None or level is None or articles is None or level >= articles:
            return match
        return replace(match, scheme=scheme)

    def _cited_article(self, text: str, match: LabelMatch) -> bool:
        """Return True when an article number run into a sentence cites, not labels.

        For example `第二條人員至…`.

        Run straight into the text (no space or bracket between), an article
        number is a label only where the article sequence expects it: the
        next article, or a sub-article (`之一`, `-1`) of the current one.
        """
        if match.scheme != "article" or not HAN_CHAR.match(text.lstrip()[len(match.label) :]):
            return False
        last = self.last_article
        if last is None:
            return match.numbers[0] > 1 and bool(self.clauses)
        expected = (
            match.numbers[0] == last[0] + 1
            or match.numbers[0] == last[0]
            and len(match.numbers) > 1
        )
        return not expected

    def _labelled(self, block: Block, matches: list[LabelMatch]) -> None:
        match, parent = self._place(block, matches)
        is_item = (
            block.heading_level is None
            and (match.is_item or _ends_in_item(match))
            or (
                match.scheme == "decimal"
                and len(match.numbers) == 1
                and block.heading_level is None
                and parent is not None
                and parent.scheme in ("article", "decimal")
            )
        )
        heading, text = self._split_title(block, match, is_item)
        kind: ClauseKind
        if match.scheme in CONTAINER_RANK or match.scheme == "annex":
            kind = "heading"
        else:
            kind = "list_item" if is_item else "clause"
        term = (
            self.lang.match_definition(text, _lead_after(block.bold_lead, match.label))
            if text
            else None
        )
        if term and kind != "heading":
            kind = "definition"
        clause = self._emit(
            parent,
            match.label,
            kind,
            block,
            heading=heading,
            text=text,
            term=term,
            match=match,
            item=is_item,
        )
        if match.scheme == "article":
            self.last_article = match.numbers
        key = (match.scheme, block.heading_level is not None, block.list_level, len(match.numbers))
        self.stack.append(
            _Open(
                clause,
                match.scheme,
                key,
                match.numbers,
                block.heading_level,
                block.list_level,
                is_item,
            )
        )

    def _place(self, block: Block, matches: list[LabelMatch]) -> tuple[LabelMatch, _Open | None]:
        """Return the reading of the label that fits, and its parent; pop the stack down to the
        parent."""
        first = matches[0]
        if first.scheme == "annex":
            # -- an unnumbered APPENDIX holds the numbered annexes after it --
            return first, self._pop_to(
                lambda o: o.scheme == "annex" and not o.numbers and bool(first.numbers)
            )
        if first.scheme in CONTAINER_RANK:
            rank = CONTAINER_RANK[first.scheme]
            return first, self._pop_to(
                lambda o: (
                    o.scheme == "annex"
                    or (o.scheme in CONTAINER_RANK and CONTAINER_RANK[o.scheme] < rank)
                )
            )
        if first.scheme == "article":
            level = block.heading_level
            return first, self._pop_to(
                lambda o: (
                    o.scheme == "annex"
                    or o.scheme in CONTAINER_RANK
                    or (
                        o.scheme == _HEADING
                        and level is not None
                        and (o.heading_level or 0) < level
                    )
                )
            )
        if first.scheme == "decimal" and len(first.numbers) > 1:
            parent = self._decimal_parent(first)
            if parent is not False:
                return first, parent  # type: ignore[return-value]
        return self._enumeration(block, matches)

    def _decimal_parent(self, match: LabelMatch) -> _Open | None | bool:
        prefix, depth = match.numbers[:-1], len(match.numbers)
        lettered = bool(re.match(r"[A-Z]\.", match.label))
        tests = (
            lambda o: o.scheme == "decimal" and o.numbers == prefix,
            lambda o: o.scheme == "article" and o.numbers == prefix,
            # -- `A.1` under an `A.` heading (or Part A): the letter is the first number --
            lambda o: (
                lettered and o.scheme in _LETTER_HOLDERS and o.numbers == prefix and not o.is_item
            ),
            lambda o: o.scheme == "decimal" and len(o.numbers) == depth,
            lambda o: o.scheme == "decimal" and len(o.numbers) == depth - 1,
        )
        for number, test in enumerate(tests):
            found = self._find(test)
            if found is not None:
                if number == 3:  # -- a sibling: close back to its parent --
                    return self._pop_above(found)
                return self._pop_to(lambda o, f=found: o is f)
        return False

    def _enumeration(
        self, block: Block, matches: list[LabelMatch]
    ) -> tuple[LabelMatch, _Open | None]:
        """Return the reading of an item label and its parent: a sibling of an open list, else a
        new list."""
        best: tuple[int, int, LabelMatch, _Open | None] | None = None
        for order, match in enumerate(matches):
            score, entry = self._fit(block, match)
            if best is None or (score, order) < best[:2]:
                best = (score, order, match, entry)
        assert best is not None
        if best[3] is not None:
            return best[2], self._pop_above(best[3])
        matches = [best[2]]
        level = block.heading_level
        if level is not None:
            # -- a numbered heading closes deeper or equal unnumbered headings and the body below
            # them --
            return matches[0], self._pop_to(lambda o: _holds_heading(o, level))
        return matches[0], self.stack[-1] if self.stack else None

    def _fit(self, block: Block, match: LabelMatch) -> tuple[int, _Open | None]:
        """Return how well reading `match` fits the open lists (lower is better) and the sibling it
        continues.

        0: it continues an open list of the same scheme (`(h)` → `(i)` is a
        letter); 1: it continues a list of its scheme in another style (`2.`
        typed after a `1.` heading), or starts a new list (`(i)` after
        `(a) …:` is roman); 2: a list of its scheme is open but the number
        jumps; 3: a new scheme that does not start at one.
        """
        key = (match.scheme, block.heading_level is not None, block.list_level, len(match.numbers))
        same = next((o for o in reversed(self.stack) if o.key == key), None)
        if same is not None and same.numbers and match.numbers[-1] == same.numbers[-1] + 1:
            return 0, same
        loose = next(
            (
                o
                for o in reversed(self.stack)
                if o.scheme == match.scheme
                and o.numbers
                and len(o.numbers) == len(match.numbers)
                and o.numbers[-1] + 1 == match.numbers[-1]
            ),
            None,
        )
        if loose is not None:
            return 1, loose
        if match.numbers[-1:] == (1,):
            # -- a list that starts again (`1.` … `1.` …) is a new list beside the old one,
            #    never nested in it: ten restarts are not ten levels deep --
            return (1, same) if same is not None and same.numbers else (1, None)
        return (2, same) if same is not None else (3, None)

    # -- unlabelled blocks -------------------------------------------------------------------------

    def _closes_clause(self, block: Block) -> bool:
        """Return True for a capitals line after a numbered clause (`END OF TERMS AND CONDITIONS`).

        It heads what follows (a closing note, how to apply the terms) rather
        than adding a paragraph to the clause before it.
        """
        if block.kind == "table_cell" or block.list_level is not None or not self.stack:
            return False
        top = self.stack[-1]
        return (
            bool(top.clause.label)
            and top.scheme not in ("annex", *CONTAINER_RANK)
            and self.lang.looks_like_caps_heading(block.text)
        )

    def _clause_level(self) -> int:
        """Return the heading level of the outermost open numbered clause set as a heading, else
        1."""
        levels = [o.heading_level for o in self.stack if o.clause.label and o.heading_level]
        return levels[0] if levels else 1

    def _unlabelled_heading(self, block: Block) -> None:
        level = block.heading_level or 1
        parent = self._pop_to(lambda o: _holds_heading(o, level))
        clause = self._emit(parent, "", "heading", block, heading=block.text)
        self.stack.append(_Open(clause, _HEADING, (_HEADING, level), (), level, None, False))

    def _table_row(self, block: Block) -> None:
        """Make a table row a clause of the section, article or annex that holds the table.

        The holder is the nearest open heading or titled clause, not the
        sentence that introduces the table, so rows are cited `Annex 3 row 2`.
        """
        parent = self._pop_to(
            lambda o: (
                o.clause.kind == "heading"
                or o.scheme in ("article", "annex")
                or bool(o.clause.heading and not o.clause.text)
            )
        )
        self._emit(parent, "", "table_row", block, text=block.text, header=block.header)

    def _paragraph(self, block: Block) -> None:
        if block.kind == "table_cell":
            self._table_row(block)
            return
        if (
            self._title_for_previous(block)
            or self._caption_for_previous(block)
            or self._remark_for_previous(block)
        ):
            return
        level = block.list_level
        if level is None:
            last = self.clauses[-1] if self.clauses else None
            parent = self._pop_to(
                lambda o: (
                    not o.is_item or (last is not None and o.clause is last and _introduces(last))
                )
            )
        else:
            parent = self._pop_to(
                lambda o: not o.is_item or (o.list_level is not None and o.list_level < level)
            )
        text, heading = block.text, ""
        term = self.lang.match_definition(text, block.bold_lead)
        if (
            not term
            and block.bold_lead
            and len(block.bold_lead) < len(text)
            and text.startswith(block.bold_lead)
        ):
            heading = block.bold_lead.strip().rstrip(".:：").strip()
            text = text[len(block.bold_lead) :].strip()
        kind: ClauseKind = "paragraph" if level is None else "list_item"
        if term:
            kind = "definition"
        clause = self._emit(parent, "", kind, block, heading=heading, text=text, term=term)
        if level is not None:
            self.stack.append(_Open(clause, _BULLET, (_BULLET, level), (), None, level, True))

    def _title_for_previous(self, block: Block) -> bool:
        """Make a short all-bold line the title of the label-only clause just before it; True if
        done."""
        if not self.clauses or not self.stack or block.list_level is not None:
            return False
        previous = self.clauses[-1]
        whole_bold = block.bold_lead is not None and block.bold_lead.strip() == block.text.strip()
        if not (previous.label and not previous.heading and not previous.text and whole_bold):
            return False
        if self.stack[-1].clause is not previous or not self.lang.looks_like_title(block.text):
            return False
        updated = replace(previous, heading=block.text.strip())
        self.clauses[-1] = updated
        self.stack[-1].clause = updated
        return True

    def _caption_for_previous(self, block: Block) -> bool:
        """Make a caption in brackets the title of the bare article label just before it; True if
        done.

        `Article 4` / `(Types of Contracts)` / text…: official translations
        print an article's title so, where the other language has none; read
        as the article's first paragraph it would stand against the other's
        first paragraph and push every paragraph and item one place on. Only
        with more of the article after it: `(Deleted)` alone is the text.
        """
        if not self.clauses or not self.stack or block.list_level is not None:
            return False
        previous, top = self.clauses[-1], self.stack[-1]
        if top.clause is not previous or top.scheme != "article":
            return False
        if previous.heading or previous.text or not _continues_article(self.following):
            return False
        title = article_caption(block.text)
        if title is None or not self.lang.looks_like_title(title):
            return False
        updated = replace(previous, heading=title)
        self.clauses[-1] = updated
        top.clause = updated
        return True

    def _remark_for_previous(self, block: Block) -> bool:
        """Append a remark in brackets on a line of its own to the list item just before it; True
        if done.

        `（二）…之檢查紀錄。` / `（附表三）` / `（三）…`: a database that breaks the
        line before an item's closing remark (a table or annex it points to)
        would otherwise end the list there, and every later item would hang
        under a paragraph of two words.
        """
        if not self.clauses or not self.stack or block.list_level is not None:
            return False
        previous, top = self.clauses[-1], self.stack[-1]
        if top.clause is not previous or not top.is_item or not previous.text:
            return False
        if article_caption(block.text) is None:
            return False
        updated = replace(previous, text=f"{previous.text} {block.text.strip()}")
        self.clauses[-1] = updated
        top.clause = updated
        return True

    # -- helpers -----------------------------------------------------------------------------------

    def _split_title(self, block: Block, match: LabelMatch, is_item: bool) -> tuple[str, str]:
        """Return (heading, text) of a labelled block."""
        rest = match.rest.strip()
        lead = _lead_after(block.bold_lead, match.label)
        if block.heading_level is not None or (lead is not None and lead.strip() == rest):
            return rest, ""
        if (
            lead
            and rest.startswith(lead)
            and len(lead) < len(rest)
            and self.lang.looks_like_title(lead.rstrip(".:："))
        ):
            return lead.strip().rstrip(".:：").strip(), rest[len(lead) :].strip()
        if not is_item and match.scheme != "decimal" and self.lang.looks_like_title(rest):
            return rest, ""
        if (
            not is_item
            and match.separated
            and self.lang.looks_like_title(rest)
            and len(rest.split()) <= 10
        ):
            return rest, ""
        return "", rest

    def _emit(
        self,
        parent: _Open | None,
        label: str,
        kind: ClauseKind,
        block: Block,
        heading: str = "",
        text: str = "",
        term: str | None = None,
        match: LabelMatch | None = None,
        item: bool = False,
        header: bool = False,
    ) -> Clause:
        parent_clause = parent.clause if parent else None
        info = ParentInfo(parent.clause, parent.scheme, parent.numbers) if parent else None
        names = self.naming.name(info, label, kind, match, self._annex_of(parent), item, header)
        clause = Clause(
            id=names.id,
            label=label,
            path=names.path,
            level=parent_clause.level + 1 if parent_clause else 0,
            parent=parent_clause.id if parent_clause else None,
            kind=kind,
            text=text,
            heading=heading,
            term=term,
            location=block.location,
            ref=names.ref,
            ocr_confidence=block.ocr_confidence,
            ocr_doubts=block.ocr_doubts,
        )
        self.clauses.append(clause)
        return clause

    def _annex_of(self, parent: _Open | None) -> Clause | None:
        if parent is None:
            return None
        for entry in self.stack:
            if entry.scheme == "annex":
                return entry.clause
        return None

    def _find(self, test: object) -> _Open | None:
        for entry in reversed(self.stack):
            if test(entry):  # type: ignore[operator]
                return entry
        return None

    def _pop_above(self, entry: _Open) -> _Open | None:
        """Pop `entry` and everything opened after it; return its parent (None at the top)."""
        del self.stack[self.stack.index(entry) :]
        return self.stack[-1] if self.stack else None

    def _pop_to(self, keep: object) -> _Open | None:
        """Pop the stack until its top satisfies `keep`; return the new top (None when empty)."""
        while self.stack and not keep(self.stack[-1]):  # type: ignore[operator]
            self.stack.pop()
        return self.stack[-1] if self.stack else None


def _states_version(previous: str, block: Block) -> bool:
    """Return True when `block` is the bare number under a `Version` caption (`Version` / `1.0`).

    Web pages print a document's version as a caption line and a value line; read as a label,
    the value would open a clause `1.0` that holds the whole document and renumbers it when the
    next version says `2.0`.
    """
    value = strip_invisible(block.text).strip()
    return (
        not block.auto_label
        and VERSION_CAPTION.fullmatch(strip_invisible(previous).strip()) is not None
        and re.fullmatch(r"[vV]?\d+(?:\.\d+)*", value) is not None
    )


def _next_filled(blocks: tuple[Block, ...], index: int) -> Block | None:
    """Return the first block after `index` that prints something, else None."""
    for block in blocks[index + 1 :]:
        if strip_invisible(block.text).strip() or block.auto_label:
            return block
    return None


def _continues_article(block: Block | None) -> bool:
    """Return whether `block` can be more of the article above it: body text, not a heading."""
    return block is not None and block.heading_level is None and block.kind != "table_cell"


def _ends_in_item(match: LabelMatch) -> bool:
    """Return True for an outline number whose last part is a bracketed item (`B.3(a)`,
    `7.2(b)(i)`)."""
    return match.scheme == "decimal" and match.label.rstrip(".").endswith(")")


def _introduces(clause: Clause) -> bool:
    """Return True for an item that only names what follows (`3.General Affairs Division:`,
    `Paragraph 1` alone on its line).

    The unnumbered paragraph straight after it is its text, not a new
    paragraph of the enclosing clause.
    """
    return clause.kind == "list_item" and clause.text.rstrip()[-1:] in ("", ":", "：")


def _holds_heading(entry: _Open, level: int) -> bool:
    """Return True when `entry` can hold a heading of `level`: a shallower heading, an annex or a
    chapter.

    An annex or chapter closes only when the next one starts, whatever the
    heading levels say (`EXHIBIT 1` and its `1. La Plateforme` are often both
    level 2).
    """
    if entry.scheme == "annex" or entry.scheme in CONTAINER_RANK:
        return True
    return entry.heading_level is not None and entry.heading_level < level


def _lead_after(lead: str | None, label: str) -> str | None:
    """Return the bold run-in title without the label it may start with (`**8.1 Scope**`)."""
    if lead is None:
        return None
    stripped = lead.strip()
    if label and stripped.startswith(label):
        stripped = split_rest(stripped[len(label) :])[0]
    return stripped or None


_FRONT_MATTER_MAX = 8
"""The most unlabelled lines (date, banner, version) that may stand above a title."""


def _title_index(blocks: tuple[Block, ...]) -> int | None:
    """Return the index of the document title: a Title-style block, or the only level-1 heading.

    It is the first block with text, or follows at most `_FRONT_MATTER_MAX`
    unnumbered paragraphs (an "Updated: …" line, a site banner), which are
    the document's front matter.
    """
    filled = [i for i, b in enumerate(blocks) if b.text.strip()]
    if not filled:
        return None
    # -- `position` is read after the loop: how many filled blocks precede the title --
    for position, index in enumerate(filled[: _FRONT_MATTER_MAX + 1]):  # noqa: B007
        block = blocks[index]
        if block.heading_level is not None or block.kind == "table_cell" or block.auto_label:
            break
    else:
        return None
    if block.heading_level not in (0, 1) or block.kind == "table_cell" or block.auto_label:
        return None
    if block.heading_level == 1 and sum(1 for b in blocks if b.heading_level == 1) > 1:
        return None
    if position and any(blocks[i].list_level is not None for i in filled[:position]):
        return None
    return index


def table_rows(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return `blocks` with the cells of each table row joined into one block.

    Cells are joined with ` | `, several paragraphs of one cell with a space,
    each after its automatic number if it has one (a numbered list inside a
    cell keeps its `1.`, `(a)`); the row block keeps the first cell's
    location up to `row N`.
    """
    out: list[Block] = []
    row_key: tuple[int, int] | None = None
    cells: dict[int, list[str]] = {}
    first: Block | None = None

    def flush() -> None:
        if first is not None and first.cell is not None:
            text = " | ".join(" ".join(parts) for _, parts in sorted(cells.items()))
            location = first.location.split(" cell ")[0]
            out.append(replace(first, text=text, location=location, cell=(*first.cell[:2], 0)))

    for block in blocks:
        key = block.cell[:2] if block.kind == "table_cell" and block.cell else None
        if key is None or key != row_key:
            flush()
            row_key, cells, first = key, {}, block if key else None
        if key is None:
            out.append(block)
        else:
            cells.setdefault(block.cell[2], []).append(_with_label(block))  # type: ignore[index]
    flush()
    return tuple(out)


def _with_label(block: Block) -> str:
    """Return the text of `block` after its automatic number, if any (`1.` + `Hosting` → `1.
    Hosting`)."""
    text = block.text.strip()
    label = (block.auto_label or "").strip()
    if not (label and text):
        return label or text
    # -- `一、`, `（一）` and `１．` are followed directly by Chinese text; other labels by a
    # space --
    return f"{label}{text}" if label[-1] in "、）．" else f"{label} {text}"


def join_text_tables(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return `blocks` with each run of paragraphs that are lines of a table drawn in text
    (`┌──┬──┐`, `│Type│Period│`) joined into one paragraph, its lines kept.

    One language may print such a table as a paragraph a line, the other as
    one paragraph: a table is one clause whatever its lines.
    """
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is not None and _table_line(last) and _table_line(block):
            out[-1] = replace(last, text=f"{last.text.rstrip()}\n{block.text.strip()}")
            continue
        out.append(block)
    return tuple(out)


def _table_line(block: Block) -> bool:
    """Return whether `block` is a plain paragraph that is a line of a table drawn in text."""
    return _splittable(block) and is_box_drawing_line(block.text)


LOST_BREAKS_SHARE = 0.1
"""Share of a document's paragraphs (three at least) with a sentence run into the next from which
its conversion is taken to have lost line breaks: a typist's missing space is rarer (under 3 % of
the paragraphs of any official translation read)."""


def split_run_in(blocks: tuple[Block, ...], lang: Language) -> tuple[Block, ...]:
    """Return `blocks` with each English paragraph that runs several together split into them.

    Where a conversion lost the line breaks (`…the Government.The Council
    may…`, `…defined below.1. "Area" means…`), the other language keeps one
    paragraph or item for each, and only split do they pair one for one.
    Items run in are split wherever they are; sentences only in a document
    that runs them together often enough (`LOST_BREAKS_SHARE`). Each part
    keeps the block's place; `lang.sentences` says where the breaks are.
    """
    if lang != "en":
        return join_broken_sentences(blocks, lang)
    plain = [block for block in blocks if _splittable(block)]
    run_in = sum(1 for block in plain if run_in_sentence_breaks(block.text))
    lost = run_in >= max(3.0, LOST_BREAKS_SHARE * len(plain))
    out: list[Block] = []
    outline: dict[str, int] = {}  # -- the run-in list numbers so far, across broken paragraphs --
    for block in join_broken_sentences(blocks, lang):
        breaks = []
        if not _splittable(block):
            outline = {}
        else:
            breaks = run_in_item_breaks(block.text) + run_in_outline_breaks(block.text, outline)
            breaks += run_in_sentence_breaks(block.text) if lost else []
        if not breaks:
            out.append(block)
            continue
        ends = [0, *sorted(set(breaks)), len(block.text)]
        parts = [block.text[a:b].strip() for a, b in pairwise(ends)]
        out.append(replace(block, text=parts[0]))
        out.extend(replace(block, text=part, bold_lead=None) for part in parts[1:] if part)
    return tuple(out)


def join_broken_sentences(blocks: tuple[Block, ...], lang: Language) -> tuple[Block, ...]:
    """Return `blocks` with each paragraph that a conversion broke mid-sentence joined again.

    `…the crews on board and` / `ashore. c.Rest periods …`: a paragraph
    that ends on a word or comma, followed by one that opens with a
    lower-case word and no label, is one sentence. In either language a
    paragraph that opens on a full stop or comma (`。除非…`) goes on with the
    one before. Headings, list items and cells are never joined.
    """
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is None or not (_splittable(last) and _splittable(block)):
            out.append(block)
            continue
        if opens_on_closer(block.text):
            out[-1] = replace(last, text=f"{last.text.rstrip()}{block.text.strip()}")
            continue
        if lang == "en" and continues_sentence(last.text, block.text):
            out[-1] = replace(last, text=f"{last.text.rstrip()} {block.text.strip()}")
            continue
        out.append(block)
    return tuple(out)


def _splittable(block: Block) -> bool:
    """Return whether `block` is a plain paragraph of body text (no heading, list or cell)."""
    plain = block.kind == "paragraph" and block.heading_level is None and not block.auto_label
    return plain and block.list_level is None


def segment_blocks(blocks: tuple[Block, ...], lang: Language) -> list[Clause]:
    """Return the clauses of `blocks` (one document's, in reading order) in language `lang`."""
    return Segmenter(lang).run(split_run_in(join_text_tables(table_rows(tuple(blocks))), lang))


__all__ = ["Segmenter", "segment_blocks"]
