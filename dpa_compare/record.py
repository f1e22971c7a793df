"""One comparison record: every stage's result for one set of documents, each computed once.

    >>> record = compare(en, zh, previous_en=old_en, glossary=terms)   # doctest: +SKIP
    >>> record.alignment.links[0]          # EN ⇄ ZH clause alignment (computed now, then cached)
    >>> record.stale.counts()              # translation status per clause (diffs the versions)
    >>> record.qa.findings                 # QA (reuses the alignment and the diffs above)

`report`, `check`, `stale`, `demo` and the API read the stages from this
record, so a stage is replaced here, in one place: the clause aligner is
imported here only (`Comparison.aligned`; `dpa_compare.api.align_clauses`
goes through this record too), the version diff is made only by
`Comparison.en_diff` / `zh_diff`. Every part is computed on first use, so
`check` without previous versions never pays for a version diff.

Roles of the documents (the report's reading):

- `en` — the current original (usually English); `zh` — the translation to
  check (its current version).
- `previous_en` — the original the translation was made from; `zh`
  translates it when given.
- `previous_zh` — the translation's previous version: then `zh` is its newer
  version, and `previous_zh` translates `previous_en` (or `en`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from dpa_compare.model import Alignment, Document

if TYPE_CHECKING:
    from dpa_compare.align.clause import ClauseAlignOptions
    from dpa_compare.diff import VersionDiff
    from dpa_compare.diff.match import MatchOptions
    from dpa_compare.glossary.terms import Glossary
    from dpa_compare.notes.file import NotesFile
    from dpa_compare.qa.review import CheckResult
    from dpa_compare.stale import StaleReport


@dataclass(frozen=True)
class Options:
    """Every setting of a comparison, frozen and passed explicitly; `signature()` names them.

    None means "the stage's own defaults", so a default `Options()` gives
    exactly the results of the stages called with no options.
    """

    match: MatchOptions | None = None
    """Version matching thresholds (similarities 0..1, token and piece counts); None: defaults."""
    align: ClauseAlignOptions | None = None
    """Clause aligner knobs (embeddings auto/on/off, lexicon, flag below 0..1); None: defaults."""
    checks: tuple[str, ...] | None = None
    """QA checks to run, by name (`check --list-checks`); None: every check."""

    def signature(self) -> str:
        """Return the settings in short, e.g. `match:fz…|align:default|checks:all`."""
        from dpa_compare.diff.match import MatchOptions

        align = "default"
        if self.align is not None:
            align = (f"emb={self.align.embeddings},lex={'on' if self.align.lexicon else 'off'},"
                     f"flag<{self.align.flag_below:g}")  # fmt: skip
        checks = "all" if self.checks is None else "+".join(self.checks)
        return f"{(self.match or MatchOptions()).signature()}|align:{align}|checks:{checks}"


StepCallback = Callable[[str], None]
"""Called with a short description after each stage is computed (progress display)."""


@dataclass(frozen=True, eq=False)
class Comparison:
    """The documents of one comparison and, computed on first use and cached, each stage's result.

    Build it with `compare()`. The parts: `alignment` (the translation with
    the original it translates), `current_alignment` (the translation's
    current version with the current original: the same object unless
    `previous_zh` is given), `en_diff` / `zh_diff` (version matching),
    `stale` (translation status per clause) and `qa` (the QA result).
    """

    en: Document
    zh: Document
    previous_en: Document | None = None
    previous_zh: Document | None = None
    glossary: Glossary | None = None
    notes: NotesFile | None = None
    options: Options = field(default_factory=Options)
    on_step: StepCallback | None = field(default=None, repr=False)

    @property
    def source_en(self) -> Document:
        """Return the original the translation was made from: `previous_en`, else `en`."""
        return self.previous_en or self.en

    @property
    def source_zh(self) -> Document:
        """Return the translation of `source_en`: `previous_zh` when given, else `zh`."""
        return self.previous_zh or self.zh

    @property
    def qa_en(self) -> Document:
        """Return the original QA checks `zh` against: `en` given `previous_zh`, else the source."""
        return self.en if self.previous_zh is not None else self.source_en

    @property
    def has_previous(self) -> bool:
        """Return True when both previous versions are given (previous-version QA checks run)."""
        return self.previous_en is not None and self.previous_zh is not None

    def aligned(
        self, original: Document, translation: Document, either_order: bool = True
    ) -> Alignment:
        """Return the clause alignment of two documents, made once per pair.

        The aligner takes the English first: with `either_order` a Chinese
        original and its English translation are given to it the other way
        round (a stale report of a Chinese original); without it, a pair in
        the wrong order is the aligner's UsageError.
        """
        cache: dict[tuple[int, int], Alignment] = self.__dict__.setdefault("_alignments", {})
        key = (id(original), id(translation))
        if key not in cache:
            # -- the one import site of the clause aligner: a replacement aligner goes here --
            from dpa_compare.align.clause import align_documents

            swap = either_order and original.lang != "en" and translation.lang == "en"
            en, zh = (translation, original) if swap else (original, translation)
            cache[key] = align_documents(en, zh, options=self.options.align, glossary=self.glossary)
        return cache[key]

    @cached_property
    def alignment(self) -> Alignment:
        """Return the alignment of `source_en` with `source_zh` (translation with original)."""
        result = self.aligned(self.source_en, self.source_zh)
        self._step("aligned English and Chinese")
        return result

    @cached_property
    def current_alignment(self) -> Alignment:
        """Return the alignment of `qa_en` with `zh`: `alignment` itself unless `previous_zh`."""
        if self.previous_zh is None:
            return self.alignment
        result = self.aligned(self.en, self.zh)
        self._step("aligned the current versions")
        return result

    @cached_property
    def en_diff(self) -> VersionDiff:
        """Return the version matching of the original, `source_en` → `en`."""
        return self._diff(self.source_en, self.en)

    @cached_property
    def zh_diff(self) -> VersionDiff | None:
        """Return the translation's version matching, `previous_zh` → `zh` (None without it)."""
        return self._diff(self.previous_zh, self.zh) if self.previous_zh is not None else None

    @cached_property
    def stale(self) -> StaleReport:
        """Return the status of every translated clause after `source_en` became `en`.

        Reuses `alignment` / `current_alignment` when already made, and the diffs.
        """
        from dpa_compare.stale import stale_report

        new_zh = self.zh if self.previous_zh is not None else None
        # -- alignments already made are handed over; any other is made by the stage through
        #    `aligned` only when it needs one (it may link same-numbered articles instead) --
        made = self.__dict__
        report = stale_report(
            self.source_en,
            self.en,
            self.source_zh,
            new_zh=new_zh,
            alignment=made.get("alignment"),
            new_alignment=made.get("current_alignment") if new_zh is not None else None,
            glossary_terms=self.glossary_terms,
            en_diff=self.en_diff,
            zh_diff=self.zh_diff,
            aligner=self.aligned,
        )
        self._step("compared versions")
        return report

    @cached_property
    def qa(self) -> CheckResult:
        """Return the QA result of `zh` against `qa_en` (previous-version checks given both)."""
        from dpa_compare.qa.review import check_documents, require_languages

        # -- a document in the wrong language is named before the (slow) alignment starts --
        previous = (self.previous_en, self.previous_zh) if self.has_previous else ()
        require_languages(self.qa_en, self.zh, *previous)
        result = check_documents(
            self.qa_en,
            self.zh,
            glossary=self.glossary,
            notes=self.notes,
            previous=(self.previous_en, self.previous_zh) if self.has_previous else None,  # type: ignore[arg-type]
            alignment=self.current_alignment,
            checks=self.options.checks,
            on_step=self.on_step,
            diffs=self._version_diffs,
        )
        self._step("ran QA checks")
        return result

    @property
    def glossary_terms(self) -> tuple[str, ...]:
        """Return the glossary's Chinese renderings, kept whole when Chinese text is tokenised."""
        if self.glossary is None:
            return ()
        return tuple(sorted({z for entry in self.glossary for z in entry.zh}))

    def signature(self) -> str:
        """Return the reproducibility signature of the settings (see `Options.signature`)."""
        return self.options.signature()

    def _version_diffs(self) -> tuple[VersionDiff, VersionDiff]:
        """Return (`en_diff`, `zh_diff`) for the previous-version QA checks."""
        assert self.zh_diff is not None, "previous-version checks need previous_zh"
        return self.en_diff, self.zh_diff

    def _diff(self, old: Document, new: Document) -> VersionDiff:
        from dpa_compare.diff import diff

        return diff(old, new, glossary_terms=self.glossary_terms, options=self.options.match)

    def _step(self, what: str) -> None:
        if self.on_step is not None:
            self.on_step(what)


def compare(
    en: Document,
    zh: Document,
    previous_en: Document | None = None,
    previous_zh: Document | None = None,
    glossary: Glossary | None = None,
    notes: NotesFile | None = None,
    options: Options | None = None,
    on_step: StepCallback | None = None,
) -> Comparison:
    """Return the comparison record of the translation `zh` against the original `en`.

    Nothing is computed yet: each part (`alignment`, `en_diff`, `stale`,
    `qa`, …) is computed on first use and kept. `previous_en` is the original
    `zh` was translated from; `previous_zh` makes `zh` the translation's newer
    version. `on_step` is called after each stage (progress display).
    """
    return Comparison(
        en, zh, previous_en, previous_zh, glossary, notes, options or Options(), on_step
    )


__all__ = ["Comparison", "Options", "compare"]
