"""The records QA speaks — `Pair`, `Finding`, `Issue`, `Context` — and the check registry.

A check is a plain function registered with `@check(severity)`. Its name is
the function name, and the first line of its docstring is the title users
see. A *pair* check is called once per aligned pair as `fn(pair, ctx)`; a
*document* check (`scope="document"`) once as `fn(ctx)`. Either yields
`Issue`s; the runner turns each into a `Finding` carrying the check's name,
severity and the clause references.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from dpa_compare.model import Clause, Document, to_jsonable

if TYPE_CHECKING:
    from dpa_compare.glossary.terms import Glossary

Severity = Literal["critical", "major", "minor"]
SEVERITIES: tuple[str, ...] = ("critical", "major", "minor")
"""Severities, most serious first."""


@dataclass(frozen=True)
class Pair:
    """One aligned unit: an English clause and the Chinese clause that translates it.

    Either side is None for an omission (English only) or an addition
    (Chinese only). `en_ref` / `zh_ref` are the full citations shown to
    users; they default to the clauses' `ref` (or `label`) when left empty.
    For an n:m link (`pairs_from_alignment`) `en` / `zh` are one clause
    combining the linked clauses' texts, and `en_ids` / `zh_ids` list every
    linked clause id (empty: just the clause's own id).
    """

    en: Clause | None
    zh: Clause | None
    en_ref: str = ""
    zh_ref: str = ""
    en_ids: tuple[str, ...] = ()
    zh_ids: tuple[str, ...] = ()

    @property
    def all_en_ids(self) -> tuple[str, ...]:
        """Return every English clause id of the pair (empty when there is no English)."""
        return self.en_ids or ((self.en.id,) if self.en is not None else ())

    @property
    def all_zh_ids(self) -> tuple[str, ...]:
        """Return every Chinese clause id of the pair (empty when there is no Chinese)."""
        return self.zh_ids or ((self.zh.id,) if self.zh is not None else ())

    @property
    def text_hash(self) -> str:
        """Return the sha256 of the pair's normalised English + Chinese text (what a suppression
        pins)."""
        from dpa_compare.qa.text import pair_hash

        return pair_hash(self.en_text, self.zh_text)

    @property
    def en_text(self) -> str:
        """Return the English heading and text, or `""` when there is no English clause."""
        return self.en.full_text if self.en is not None else ""

    @property
    def zh_text(self) -> str:
        """Return the Chinese heading and text, or `""` when there is no Chinese clause."""
        return self.zh.full_text if self.zh is not None else ""

    @property
    def en_label(self) -> str:
        """Return the English citation: `en_ref`, else the clause's ref or label."""
        return self.en_ref or (self.en.citation if self.en is not None else "")

    @property
    def zh_label(self) -> str:
        """Return the Chinese citation: `zh_ref`, else the clause's ref or label."""
        return self.zh_ref or (self.zh.citation if self.zh is not None else "")


@dataclass(frozen=True)
class Finding:
    """One QA problem: which check, how serious, which clauses, what is wrong and the evidence.

    `en_id` / `zh_id` are clause ids (None when that side is absent or the
    finding concerns the whole document); `en_label` / `zh_label` the full
    citations. `evidence` is a tuple of strings or a dict of JSON-ready data.
    `en_ids` / `zh_ids` list every clause of an n:m pair (the first is
    `en_id` / `zh_id`); `text_hash` is the pair's `Pair.text_hash`, the key a
    suppression in the notes file is stored under.
    """

    check: str
    severity: Severity
    en_id: str | None
    zh_id: str | None
    en_label: str
    zh_label: str
    message: str
    evidence: tuple[str, ...] | Mapping[str, Any] = ()
    en_ids: tuple[str, ...] = ()
    zh_ids: tuple[str, ...] = ()
    text_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-ready data."""
        return to_jsonable(self)


@dataclass(frozen=True)
class Issue:
    """What a check yields: a message, evidence, and the pair it concerns when not the current
    one."""

    message: str
    evidence: tuple[str, ...] | Mapping[str, Any] = ()
    pair: Pair | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Context:
    """Everything a check may consult besides its pair: both documents, all pairs, glossary, label
    map."""

    pairs: Sequence[Pair]
    en_doc: Document | None
    zh_doc: Document | None
    glossary: Glossary | None = None
    label_map: Mapping[str, str] | None = None
    cache: dict[str, Any] = field(default_factory=dict, compare=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Return `compute()` once per run under `key` (document-wide statistics)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


CheckFunc = Callable[..., Iterable[Issue]]


@dataclass(frozen=True)
class Check:
    """A registered check: name, severity, scope (`pair` or `document`), function and title."""

    name: str
    severity: Severity
    scope: Literal["pair", "document"]
    func: CheckFunc
    title: str


CHECKS: dict[str, Check] = {}
"""Every registered check by name, in registration order."""


def check(
    severity: Severity, scope: Literal["pair", "document"] = "pair"
) -> Callable[[CheckFunc], CheckFunc]:
    """Return a decorator registering a check function with `severity` and `scope`."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}, got {severity!r}")

    def register(func: CheckFunc) -> CheckFunc:
        # -- the title is the docstring's first paragraph, which may wrap over several lines --
        first_paragraph = (func.__doc__ or func.__name__).strip().split("\n\n")[0]
        doc = " ".join(line.strip() for line in first_paragraph.splitlines())
        CHECKS[func.__name__] = Check(func.__name__, severity, scope, func, doc)
        return func

    return register


__all__ = [
    "CHECKS",
    "Check",
    "Context",
    "Finding",
    "Issue",
    "Pair",
    "SEVERITIES",
    "Severity",
    "check",
]
