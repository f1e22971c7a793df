"""Acceptance: the diff of consecutive corpus versions equals the hand-checked change keys exactly.

Every clause that is not unchanged must be listed with the key's kind and
labels (split and merged as lists), `xref_only` where the key says so —
nothing missing, nothing extra. Key labels follow corpus/README.md; the
only translation needed is for Chinese sub-clauses, whose citation the
segmenter prints after their section (`第七条 7.1`) where the key writes `7.1`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dpa_compare.api import load
from dpa_compare.diff import VersionDiff, diff

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
KEYS = sorted((CORPUS / "keys").glob("changes-*.yaml"))
_SECTION_PREFIX = re.compile(r"^第[零〇一二两三四五六七八九十百]+条\s+(?=\S)")

pytestmark = pytest.mark.skipif(not KEYS, reason="corpus change keys not present")


def key_label(citation: str) -> str:
    """Return the corpus key's label for a clause citation."""
    return _SECTION_PREFIX.sub("", citation)


def as_key_entries(result: VersionDiff) -> set[tuple[str, str, str, bool]]:
    """Return the diff's non-unchanged changes as (kind, old, new, xref_only) with key labels."""
    entries = set()
    for change in result.changed():
        old = [key_label(result.old.clause(i).ref) for i in change.old_ids] or key_label(
            change.old_label
        )
        new = [key_label(result.new.clause(i).ref) for i in change.new_ids] or key_label(
            change.new_label
        )
        old = old if change.old_id else None
        new = new if change.new_id else None
        entries.add((change.kind, repr(old), repr(new), change.xref_only))
    return entries


def key_entries(data: dict) -> set[tuple[str, str, str, bool]]:
    return {
        (e["kind"], repr(e.get("old")), repr(e.get("new")), bool(e.get("xref_only")))
        for e in data["changes"]
    }


@pytest.mark.parametrize("key", KEYS, ids=lambda p: p.name)
def test_diff_matches_the_change_key_exactly(key: Path) -> None:
    data = yaml.safe_load(key.read_text(encoding="utf-8"))
    old_path, new_path = CORPUS / data["old"], CORPUS / data["new"]
    if not old_path.exists() or not new_path.exists():
        pytest.skip(f"{key.name}: corpus files not present yet")
    result = diff(load(old_path), load(new_path))
    got, want = as_key_entries(result), key_entries(data)
    assert sorted(want - got) == [] and sorted(got - want) == [], (
        f"{key.name}: missing {sorted(want - got)}; extra {sorted(got - want)}"
    )
    assert len(result.changed()) == len(data["changes"])


def test_markdown_emphasis_is_not_content() -> None:
    # -- v1.0 → v1.1 adds bold defined terms, italics and table alignment: only the date line
    # changed --
    result = diff(load(CORPUS / "en/dpa-2020-05.md"), load(CORPUS / "en/dpa-2021-01.md"))
    assert [(c.kind, c.old_label) for c in result.changed()] == [("modified", "¶2")]


def test_chinese_number_printed_in_another_style_is_not_renumbering() -> None:
    old_path, new_path = CORPUS / "zh/dpa-2020-05.zh.md", CORPUS / "zh/dpa-2023-03.zh.md"
    if not old_path.exists() or not new_path.exists():
        pytest.skip("Chinese corpus not present")
    result = diff(load(old_path), load(new_path))
    by_old = {key_label(c.old_label): c for c in result.changes if c.old_id}
    assert (by_old["第一条"].kind, by_old["第一条"].new_label) == ("unchanged", "1")
    assert (by_old["3.2（a）"].kind, by_old["3.2（a）"].new_label) == ("unchanged", "3.2（一）")
    assert (by_old["6.3（b）"].kind, by_old["6.3（b）"].new_label) == ("renumbered", "6.3（三）")
