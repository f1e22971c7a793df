"""The front door runs every stage on the corpus, and its names never clash with the stage
subpackages."""

from pathlib import Path

import dpa_compare

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_front_door_runs_every_stage(tmp_path):
    en = dpa_compare.load(CORPUS / "en/dpa-2024-09.md")
    old_en = dpa_compare.load(CORPUS / "en/dpa-2023-03.md")
    zh = dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md")
    glossary = dpa_compare.load_glossary(CORPUS / "glossary.yaml")
    alignment = dpa_compare.align_clauses(old_en, zh, glossary)
    alignment.check_cover()
    assert dpa_compare.compare_versions(old_en, en).counts()["renumbered"] > 0
    assert dpa_compare.stale_translations(old_en, en, zh).counts()["stale"] > 0
    assert dpa_compare.check_translation(old_en, zh, glossary).findings
    model = dpa_compare.review(
        en,
        zh,
        previous_en=old_en,
        notes=dpa_compare.load_notes(CORPUS / "notes/notes-2020-05.yaml"),
    )
    dpa_compare.write_review(model, tmp_path / "review.docx")
    assert (tmp_path / "review.docx").read_bytes()[:2] == b"PK"


def test_importing_the_stage_subpackages_keeps_the_front_door_calls():
    import dpa_compare.align.clause.aligner  # noqa: F401
    import dpa_compare.diff  # noqa: F401
    import dpa_compare.stale  # noqa: F401

    assert callable(dpa_compare.align_clauses) and callable(dpa_compare.compare_versions)
    assert callable(dpa_compare.stale_translations)
