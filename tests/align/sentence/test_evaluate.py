"""Strict and lax scoring on tiny hand-made gold alignments (exact numbers)."""

import pytest

from dpa_compare.align.evidence.beads import Bead
from dpa_compare.align.sentence.evaluate import read_beads, score
from dpa_compare.errors import LoadError

GOLD = [Bead((0, 1), (0,)), Bead((2,), (1, 2)), Bead((3,), ()), Bead((4,), (3,))]


def test_perfect_alignment_scores_one():
    s = score(GOLD, GOLD)
    assert (s.strict_p, s.strict_r, s.lax_p, s.lax_r) == (1.0, 1.0, 1.0, 1.0)


def test_counts_follow_the_definition():
    system = [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1, 2)), Bead((3, 4), (3,))]
    s = score(system, GOLD)
    # -- strict: only [2]:[1,2] matches; 4 system beads, 3 gold beads with both sides --
    assert s.strict_p == pytest.approx(1 / 4)
    assert s.strict_r == pytest.approx(1 / 3)
    assert s.strict_f1 == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))
    # -- lax: [0]:[0], [2]:[1,2], [3,4]:[3] overlap gold pairs; the skip [1]:[] does not --
    assert s.lax_p == pytest.approx(3 / 4)
    assert s.lax_r == pytest.approx(3 / 3)


def test_counts_sum_over_documents(tmp_path):
    (tmp_path / "a.gold").write_text("[0]:[0]\n[1]:[1]\n")
    (tmp_path / "b.gold").write_text("[0]:[0,1]\n")
    (tmp_path / "a.align").write_text("[0]:[0]\n[1]:[1]\n")
    (tmp_path / "b.align").write_text("[0]:[0]\n[]:[1]\n")
    s = score(tmp_path, tmp_path)
    assert s.strict_p == pytest.approx(2 / 4)
    assert s.strict_r == pytest.approx(2 / 3)
    assert s.lax_p == pytest.approx(3 / 4)
    assert s.lax_r == pytest.approx(3 / 3)


def test_bad_bead_file_names_file_and_line(tmp_path):
    bad = tmp_path / "x.gold"
    bad.write_text("[0]:[0]\nnonsense\n")
    with pytest.raises(LoadError, match=r"x\.gold: line 2"):
        read_beads(bad)
