"""Version comparison on the real Mistral AI DPA versions in ../shared (skipped when absent).

The texts stay in ../shared; this test only reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dpa_compare.api import load
from dpa_compare.diff import diff, markup

REAL = Path(__file__).resolve().parents[2] / "../shared/data/real/mistral-dpa"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="shared data not present")


def _pairs(result) -> dict[str, tuple[str, str]]:
    """Return {old citation: (kind, new citation)} for matched top-level sections."""
    return {c.old_label: (c.kind, c.new_label) for c in result.changes if c.old_id and c.new_id}


@pytest.mark.parametrize("name", sorted(p.name for p in REAL.glob("*.md")) if REAL.is_dir() else [])
def test_any_version_against_itself_is_only_unchanged(name):
    document = load(REAL / name)
    result = diff(document, load(REAL / name))
    assert {c.kind for c in result.changes} == {"unchanged"}
    assert len(result.changes) == len(document.clauses)


def test_security_split_renumbers_every_later_section():
    result = diff(load(REAL / "rec-2024-12-31.md"), load(REAL / "2025-02-06.md"))
    pairs = _pairs(result)
    # -- the security section's breach half becomes a new section 6, so sub-processing
    #    6 → 7, transfers 7 → 8, audits 8 → 9, return of data 9 → 10 are renumberings --
    assert pairs["6"] == ("renumbered", "7")
    assert pairs["7"] == ("renumbered", "8")
    assert pairs["8"] == ("renumbered", "9")
    assert pairs["9"] == ("renumbered", "10")
    # -- the security section keeps number 5 (retitled); its breach half becomes section 6 --
    assert pairs["5"] == ("modified", "5")
    assert pairs["5.2"] == ("moved", "6")
    assert not any(
        c.kind in ("deleted", "added") and c.old_label in ("6", "7", "8") for c in result.changes
    )


def test_a_typographic_title_change_stays_renumbered_and_shows_its_edit():
    result = diff(load(REAL / "rec-2024-12-31.md"), load(REAL / "2025-02-06.md"))
    section = next(c for c in result.changes if c.old_label == "6" and c.new_label == "7")
    assert section.cosmetic and not section.xref_only
    assert markup(section.redline) == "[-Sub-processing-]{+Subprocessing+}"


def test_real_edits_inside_renumbered_sections_are_shown_in_their_clauses():
    result = diff(load(REAL / "rec-2024-12-31.md"), load(REAL / "2025-02-06.md"))
    notice = next(c for c in result.changes if c.old_label == "8 ¶3")
    assert notice.kind == "moved_modified" and notice.new_label.startswith("9.")
    assert "[-thirty-]{+ninety+}" in markup(notice.redline)
