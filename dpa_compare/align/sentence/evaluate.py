"""Strict and lax precision / recall / F1 of sentence alignments against gold beads.

As in the Vecalign and Bertalign papers: counts are summed over documents;
precision is over the system's beads (skips included), recall over the gold
beads with sentences on both sides. Strict: a bead counts when it matches a
gold bead exactly. Lax: a bead counts when any of its (source, target)
sentence pairs is linked in gold, or it matches a gold bead exactly (so a
skip counts only when gold has the same skip); a gold bead is lax-recalled
when any of its pairs is linked by the system.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dpa_compare.align.evidence.beads import Bead, parse_bead
from dpa_compare.errors import LoadError
from dpa_compare.files import read_input

BeadsLike = Sequence[Bead] | Sequence[tuple[Sequence[int], Sequence[int]]]


@dataclass(frozen=True)
class Scores:
    """Strict and lax precision, recall and F1 (0..1)."""

    strict_p: float
    strict_r: float
    strict_f1: float
    lax_p: float
    lax_r: float
    lax_f1: float

    def format(self) -> str:
        """Return the scores on one line."""
        return (
            f"strict P {self.strict_p:.3f} R {self.strict_r:.3f} F1 {self.strict_f1:.3f} | "
            f"lax P {self.lax_p:.3f} R {self.lax_r:.3f} F1 {self.lax_f1:.3f}"
        )


@dataclass
class Counts:
    """Raw counts behind `Scores`, summed over documents."""

    system: int = 0
    gold: int = 0
    strict_p_hits: int = 0
    strict_r_hits: int = 0
    lax_p_hits: int = 0
    lax_r_hits: int = 0

    def add(self, system: Iterable[Bead], gold: Iterable[Bead]) -> None:
        """Add one document's counts."""
        system_keys = [(tuple(b.src), tuple(b.tgt)) for b in system]
        gold_keys = [(tuple(b.src), tuple(b.tgt)) for b in gold]
        gold_set = set(gold_keys)
        system_set = set(system_keys)
        gold_pairs = {(s, t) for src, tgt in gold_keys for s in src for t in tgt}
        system_pairs = {(s, t) for src, tgt in system_keys for s in src for t in tgt}
        linked = [(src, tgt) for src, tgt in gold_keys if src and tgt]
        self.system += len(system_keys)
        self.gold += len(linked)
        self.strict_p_hits += sum(1 for key in system_keys if key in gold_set)
        self.strict_r_hits += sum(1 for key in linked if key in system_set)
        self.lax_p_hits += sum(
            1
            for src, tgt in system_keys
            if (src, tgt) in gold_set or any((s, t) in gold_pairs for s in src for t in tgt)
        )
        self.lax_r_hits += sum(
            1 for src, tgt in linked if any((s, t) in system_pairs for s in src for t in tgt)
        )

    def scores(self) -> Scores:
        """Return precision, recall and F1 from the counts (0 where undefined)."""
        sp, sr = _ratio(self.strict_p_hits, self.system), _ratio(self.strict_r_hits, self.gold)
        lp, lr = _ratio(self.lax_p_hits, self.system), _ratio(self.lax_r_hits, self.gold)
        return Scores(sp, sr, _f1(sp, sr), lp, lr, _f1(lp, lr))


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _as_beads(items: BeadsLike) -> list[Bead]:
    return [
        item if isinstance(item, Bead) else Bead(tuple(item[0]), tuple(item[1])) for item in items
    ]


def read_beads(path: str | Path) -> list[Bead]:
    """Return the beads of a file in `[i,j]:[k]` notation, one a line.

    Raises LoadError naming the file and line when a line is not a bead.
    """
    try:
        text = read_input(path, "lines").decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(path, f"cannot read the alignment: {error}") from error
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                beads.append(parse_bead(line))
            except ValueError as error:
                raise LoadError(path, f"line {number}: {error}") from None
    return beads


def _documents(
    source: str | Path | Mapping[str, BeadsLike] | BeadsLike, suffix: str
) -> dict[str, list[Bead]] | list[Bead]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            return {f.stem: read_beads(f) for f in sorted(path.glob(f"*{suffix}"))}
        return read_beads(path)
    if isinstance(source, Mapping):
        return {key: _as_beads(value) for key, value in source.items()}
    return _as_beads(source)


def score(
    system: str | Path | Mapping[str, BeadsLike] | BeadsLike,
    gold: str | Path | Mapping[str, BeadsLike] | BeadsLike,
    system_suffix: str = ".align",
    gold_suffix: str = ".gold",
) -> Scores:
    """Return the strict and lax scores of `system` beads against `gold` beads.

    Each of `system` and `gold` is a list of beads (one document), a mapping
    of document name to beads, a bead file, or a folder of bead files
    (`NAME.align` and `NAME.gold` by default, paired by NAME). Raises
    LoadError when a system document has no gold counterpart.
    """
    sys_docs, gold_docs = _documents(system, system_suffix), _documents(gold, gold_suffix)
    counts = Counts()
    if isinstance(sys_docs, dict) != isinstance(gold_docs, dict):
        raise LoadError(str(system), "give documents on both sides, or one document on both sides")
    if isinstance(sys_docs, dict) and isinstance(gold_docs, dict):
        for name, beads in sys_docs.items():
            if name not in gold_docs:
                raise LoadError(str(system), f"document {name!r} has no gold alignment")
            counts.add(beads, gold_docs[name])
    else:
        counts.add(sys_docs, gold_docs)  # type: ignore[arg-type]
    return counts.scores()


__all__ = ["Counts", "Scores", "read_beads", "score"]
