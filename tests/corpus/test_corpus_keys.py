"""The corpus answer keys are consistent with the corpus texts (no dpa_compare code involved).

Labels are computed by the independent parser in `_corpus_labels`. Every key
file under corpus/keys (and corpus/notes) is checked: the labels it names
exist in the file they refer to; change keys list exactly the clauses that
are not unchanged, each label at most once; alignment keys cover every
clause of each version exactly once; the glossary YAML and TBX agree.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from _corpus_labels import CORPUS, canonical, clause_texts, corpus_file

KEYS = CORPUS / "keys"
NOTES = CORPUS / "notes"
CHANGE_KINDS = {
    "added",
    "deleted",
    "modified",
    "renumbered",
    "moved",
    "moved_modified",
    "split",
    "merged",
}

# -- numbered clauses per version, from the table in corpus/README.md --
EXPECTED_COUNTS = {
    "dpa-2020-05": (16, 77, 19, 17, 8),
    "dpa-2021-01": (16, 77, 19, 17, 8),
    "dpa-2023-03": (17, 87, 30, 20, 9),
    "dpa-2024-09": (18, 95, 29, 20, 10),
}

TEXTS = sorted(CORPUS.glob("en/*.md")) + sorted(CORPUS.glob("zh/*.md"))
CHANGE_KEYS = sorted(KEYS.glob("changes-*.yaml"))
OTHER_KEYS = sorted(set(KEYS.glob("*.yaml")) - set(CHANGE_KEYS))
NOTE_FILES = sorted(NOTES.glob("*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: top level must be a mapping"
    return data


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    assert all(isinstance(v, str) for v in values), f"labels must be strings, got {values!r}"
    return values


def _kind_counts(found: dict[str, str]) -> tuple[int, int, int, int, int]:
    sections = sum(1 for label in found if label.isdigit())
    subs = sum(1 for label in found if label.replace(".", "").isdigit() and "." in label)
    items = sum(1 for label in found if "(" in label and not label.startswith("Annex"))
    annex_paragraphs = sum(
        1
        for label in found
        if label.startswith("Annex") and label.split()[-1].isdigit() and len(label.split()) == 3
    )
    rows = sum(1 for label in found if " row " in label)
    return sections, subs, items, annex_paragraphs, rows


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_text_parses_with_unique_labels(path: Path) -> None:
    found = clause_texts(path)
    assert [label for label in found if label.startswith("¶")] == ["¶1", "¶2", "¶3", "¶4"]
    assert {
        canonical(label)
        for label in found
        if canonical(label).startswith("Annex") and " " not in canonical(label)[6:]
    } == {"Annex 1", "Annex 2", "Annex 3"}
    assert all(text for text in found.values()), f"{path.name}: a clause has no text"


@pytest.mark.parametrize("stem", sorted(EXPECTED_COUNTS))
def test_english_clause_counts_match_the_readme(stem: str) -> None:
    assert _kind_counts(clause_texts(CORPUS / "en" / f"{stem}.md")) == EXPECTED_COUNTS[stem]


@pytest.mark.parametrize("key", CHANGE_KEYS, ids=lambda p: p.name)
def test_change_key_labels_exist_and_appear_once(key: Path) -> None:
    data = _load(key)
    old, new = clause_texts(corpus_file(data["old"])), clause_texts(corpus_file(data["new"]))
    seen_old: Counter[str] = Counter()
    seen_new: Counter[str] = Counter()
    for entry in data["changes"]:
        assert entry["kind"] in CHANGE_KINDS, f"{key.name}: unknown kind in {entry}"
        for label in _as_list(entry.get("old")):
            assert label in old, (
                f"{key.name}: {entry} names {label!r}, not a clause of {data['old']}"
            )
            seen_old[label] += 1
        for label in _as_list(entry.get("new")):
            assert label in new, (
                f"{key.name}: {entry} names {label!r}, not a clause of {data['new']}"
            )
            seen_new[label] += 1
    twice = sorted(
        {label for label, n in seen_old.items() if n > 1}
        | {label for label, n in seen_new.items() if n > 1}
    )
    assert not twice, f"{key.name}: labels listed twice on one side: {twice}"


@pytest.mark.parametrize("key", CHANGE_KEYS, ids=lambda p: p.name)
def test_change_key_entries_have_the_fields_their_kind_needs(key: Path) -> None:
    for entry in _load(key)["changes"]:
        kind, has_old, has_new = entry["kind"], "old" in entry, "new" in entry
        assert (has_old, has_new) == {"added": (False, True), "deleted": (True, False)}.get(
            kind, (True, True)
        ), entry
        assert isinstance(entry.get("new"), list) == (kind == "split"), entry
        assert isinstance(entry.get("old"), list) == (kind == "merged"), entry
        assert entry.get("xref_only", True) is True, (
            f"{key.name}: xref_only appears only when true: {entry}"
        )
        if kind not in ("renumbered", "moved"):
            assert entry.get("what"), f"{key.name}: {kind} entry without 'what': {entry}"


@pytest.mark.parametrize("key", CHANGE_KEYS, ids=lambda p: p.name)
def test_change_key_lists_exactly_the_clauses_that_are_not_unchanged(key: Path) -> None:
    data = _load(key)
    old, new = clause_texts(corpus_file(data["old"])), clause_texts(corpus_file(data["new"]))
    listed_old = {label for e in data["changes"] for label in _as_list(e.get("old"))}
    listed_new = {label for e in data["changes"] for label in _as_list(e.get("new"))}
    # -- a label printed in another style (第七条 / 7, （a） / （一）) is still the same label --
    new_by_canonical = {canonical(label): label for label in new}
    pairs = [(label, new_by_canonical.get(canonical(label))) for label in old]
    unchanged = [(o, n) for o, n in pairs if n is not None and _same(old[o], new[n])]
    assert listed_old == set(old) - {o for o, _ in unchanged}, (
        f"{key.name}: old side differs from the texts"
    )
    assert listed_new == set(new) - {n for _, n in unchanged}, (
        f"{key.name}: new side differs from the texts"
    )


def _same(old: str, new: str) -> bool:
    # -- table alignment is formatting: rows compare by cell text only --
    return [cell.strip() for cell in old.split("|")] == [cell.strip() for cell in new.split("|")]


@pytest.mark.parametrize("key", CHANGE_KEYS, ids=lambda p: p.name)
def test_change_key_follows_the_order_of_the_new_version(key: Path) -> None:
    data = _load(key)
    order = {label: index for index, label in enumerate(clause_texts(corpus_file(data["new"])))}
    positions = [order[_as_list(e["new"])[0]] for e in data["changes"] if "new" in e]
    assert positions == sorted(positions), (
        f"{key.name}: entries are not in the order of {data['new']}"
    )


# -- keys of the Chinese half (alignment, defects, stale, drift, notes): generic reference checks --


def _sides(data: dict[str, Any], key: Path | None = None) -> dict[str, Path]:
    """Return the top-level fields that name a corpus text (`en: en/dpa-2023-03.md`) as field →
    path.

    A key that names none but is named for one version (`defects-2023-03.yaml`) refers to that
    version's English and Chinese files.
    """
    sides = {
        name: corpus_file(value)
        for name, value in data.items()
        if isinstance(value, str) and value.endswith(".md") and "/" in value
    }
    version = re.fullmatch(r"[a-z]+-(\d{4}-\d{2})\.yaml", key.name) if key is not None else None
    if not sides and version:
        sides = {
            "en": CORPUS / "en" / f"dpa-{version[1]}.md",
            "zh": CORPUS / "zh" / f"dpa-{version[1]}.zh.md",
        }
    return sides


def _side_labels(entry: dict[str, Any], name: str) -> list[str]:
    """Return the labels `entry` gives for side `name`; a row may spell `en_old` as `old_en`."""
    swapped = "_".join(reversed(name.split("_")))
    return _as_list(entry.get(name, entry.get(swapped)))


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        entry
        for value in data.values()
        if isinstance(value, list)
        for entry in value
        if isinstance(entry, dict)
    ]


@pytest.mark.parametrize("key", OTHER_KEYS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_key_labels_point_at_real_clauses(key: Path) -> None:
    data = _load(key)
    sides = _sides(data, key)
    assert sides, f"{key.name}: names no corpus text (expected fields like 'en: en/dpa-2023-03.md')"
    for name, path in sides.items():
        assert path.exists(), f"{key.name}: {name} refers to missing {path.relative_to(CORPUS)}"
    texts = {name: clause_texts(path) for name, path in sides.items()}
    checked = 0
    for entry in _entries(data):
        for name, found in texts.items():
            for label in _side_labels(entry, name):
                assert label in found, (
                    f"{key.name}: {entry} names {label!r}, not a clause of {sides[name].name}"
                )
                checked += 1
    assert checked, f"{key.name}: no entry names a clause"


ALIGN_KEYS = sorted(KEYS.glob("align-*.yaml"))
DEFECT_KEYS = sorted(KEYS.glob("defects-*.yaml"))
DEFECT_CHECKS = {
    "omission",
    "addition",
    "numbers",
    "dates",
    "terminology",
    "untranslated",
    "cross_reference",
    "stale_translation",
    "punctuation",
    "unpaired_bracket",
}


@pytest.mark.parametrize("key", DEFECT_KEYS, ids=lambda p: p.name)
def test_seeded_defects_point_at_real_clauses(key: Path) -> None:
    data = _load(key)
    sides = _sides(data, key)
    texts = {name: clause_texts(path) for name, path in sides.items()}
    defects = data.get("defects") or []
    assert defects, f"{key.name}: no defects listed"
    assert len({d["id"] for d in defects}) == len(defects), f"{key.name}: defect ids repeat"
    for defect in defects:
        assert defect["check"] in DEFECT_CHECKS, defect
        assert defect.get("what"), defect
        labels = [(name, label) for name in texts for label in _side_labels(defect, name)]
        assert labels, f"{key.name}: defect {defect['id']} points at no clause"
        for name, label in labels:
            assert label in texts[name], (
                f"{key.name}: defect {defect['id']}: {label!r} not in {sides[name].name}"
            )


@pytest.mark.parametrize("notes", NOTE_FILES, ids=lambda p: p.name)
def test_translator_notes_point_at_real_clauses(notes: Path) -> None:
    data = _load(notes)
    # -- `clause` is the English label, in the English original of the translated `source` --
    zh_path = corpus_file(data["source"])
    en_path = CORPUS / "en" / zh_path.name.replace(".zh.md", ".md")
    zh_texts, en_texts = clause_texts(zh_path), clause_texts(en_path)
    assert data["notes"], f"{notes.name}: no notes"
    for note in data["notes"]:
        assert note["clause"] in en_texts, (
            f"{notes.name}: {note['clause']!r} is not a clause of {en_path.name}"
        )
        assert note["zh_clause"] in zh_texts, (
            f"{notes.name}: {note['zh_clause']!r} is not a clause of {zh_path.name}"
        )
        assert note["status"] in ("open", "resolved"), note
        assert note.get("text"), note


@pytest.mark.parametrize("key", ALIGN_KEYS, ids=lambda p: p.name)
def test_alignment_key_covers_every_clause_exactly_once(key: Path) -> None:
    data = _load(key)
    for name, path in _sides(data).items():
        counts = Counter(label for entry in _entries(data) for label in _side_labels(entry, name))
        twice = sorted(label for label, count in counts.items() if count > 1)
        missing = [label for label in clause_texts(path) if label not in counts]
        assert not twice, f"{key.name}: {name} labels aligned more than once: {twice}"
        assert not missing, f"{key.name}: {name} clauses missing from the key: {missing}"


def test_chinese_keys_exist_when_translations_exist() -> None:
    translations = sorted(CORPUS.glob("zh/*.zh.md"))
    if not translations:
        pytest.skip("corpus/zh has no translations yet")
    aligned = {side for key in ALIGN_KEYS for side in _sides(_load(key)).values()}
    assert set(translations) <= aligned, "a translation has no alignment key"


# -- glossary: YAML (the source of truth) and TBX hold the same entries --

_TBX_STATUS = "administrativeStatus"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tbx_entries() -> dict[str, dict[str, Any]]:
    from lxml import etree

    data = (CORPUS / "glossary.tbx").read_bytes()
    assert b"<!DOCTYPE" not in data, "glossary.tbx must not carry a DOCTYPE"
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser)
    entries: dict[str, dict[str, Any]] = {}
    for entry in root.iter("termEntry"):
        terms: dict[tuple[str, str], list[str]] = {}
        for lang_set in entry.iter("langSet"):
            for tig in lang_set.iter("tig"):
                status = tig.findtext(f"termNote[@type='{_TBX_STATUS}']")
                terms.setdefault((lang_set.get(_XML_LANG), status), []).append(tig.findtext("term"))
        entries[entry.get("id")] = {
            "terms": terms,
            "notes": [n.text for n in entry.findall("note")],
        }
    return entries


def _slug(term: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def test_glossary_yaml_and_tbx_hold_the_same_entries() -> None:
    glossary = _load(CORPUS / "glossary.yaml")["entries"]
    tbx = _tbx_entries()
    assert len(tbx) == len(glossary)
    for item in glossary:
        entry = tbx.get(f"dpa-{_slug(item['en'])}")
        assert entry is not None, f"glossary.tbx has no entry for {item['en']!r}"
        terms = entry["terms"]
        assert terms.get(("en", "preferredTerm-admn-sts")) == [item["en"]], item["en"]
        assert terms.get(("en", "admittedTerm-admn-sts"), []) == item.get("en_variants", []), item[
            "en"
        ]
        assert terms.get(("zh-CN", "preferredTerm-admn-sts")) == item["zh"][:1], item["en"]
        assert terms.get(("zh-CN", "admittedTerm-admn-sts"), []) == item["zh"][1:], item["en"]
        assert terms.get(("zh-CN", "deprecatedTerm-admn-sts"), []) == item.get("forbidden", []), (
            item["en"]
        )
        assert entry["notes"][0] == item["note"], item["en"]
        assert (len(entry["notes"]) == 2) == bool(item.get("defined")), item["en"]


def test_glossary_terms_are_unique() -> None:
    glossary = _load(CORPUS / "glossary.yaml")["entries"]
    english = Counter(item["en"] for item in glossary)
    assert not [term for term, count in english.items() if count > 1]
    for item in glossary:
        assert not set(item["zh"]) & set(item.get("forbidden", [])), (
            f"{item['en']}: a rendering is both approved and forbidden"
        )


# -- the independent parser itself --


def test_label_parser_reads_every_kind_of_clause(tmp_path: Path) -> None:
    sample = tmp_path / "sample.md"
    sample.write_text(
        "# Title\n\nDate line\n\n## 1. Scope\n\n1.1 The **Provider** shall:\n\n(a) first;\n\n(i) "
        "sub;\n\n"
        "(b) second.\n\n## Annex 1 – Details\n\n1. Subject *matter*\n\n| A | B |\n| :--- | --- "
        "|\n| x | y |\n",
        encoding="utf-8",
    )
    assert clause_texts(sample) == {
        "¶1": "Title",
        "¶2": "Date line",
        "1": "Scope",
        "1.1": "The Provider shall:",
        "1.1(a)": "first;",
        "1.1(a)(i)": "sub;",
        "1.1(b)": "second.",
        "Annex 1": "Details",
        "Annex 1 1": "Subject matter",
        "Annex 1 header": "A | B",
        "Annex 1 row 1": "x | y",
    }


def test_label_parser_tells_item_i_from_roman_i(tmp_path: Path) -> None:
    letters = "\n\n".join(f"({c}) item {c};" for c in "abcdefghi")
    sample = tmp_path / "items.md"
    sample.write_text(
        f"## 2. Items\n\n2.1 List:\n\n{letters}\n\n(ii) roman under (i).\n", encoding="utf-8"
    )
    found = clause_texts(sample)
    assert "2.1(i)" in found and found["2.1(i)(ii)"] == "roman under (i)."


def test_label_parser_refuses_a_repeated_label(tmp_path: Path) -> None:
    sample = tmp_path / "twice.md"
    sample.write_text("## 1. A\n\n1.1 one\n\n1.1 again\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="occurs twice"):
        clause_texts(sample)


@pytest.mark.parametrize(
    ("printed", "english"),
    [
        ("第七条", "7"),
        ("7.2（一）", "7.2(a)"),
        ("7.2（a）（i）", "7.2(a)(i)"),
        ("7.2（一）(ii)", "7.2(a)(ii)"),
        ("附件三 row 2", "Annex 3 row 2"),
        ("附件一", "Annex 1"),
        ("12.2(f)", "12.2(f)"),
    ],
)
def test_canonical_labels(printed: str, english: str) -> None:
    assert canonical(printed) == english
