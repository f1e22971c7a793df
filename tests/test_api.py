"""The front door: load() fills the document record, including the date the document states."""

from pathlib import Path

import dpa_compare

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_load_reads_the_stated_date_of_each_language(tmp_path):
    assert dpa_compare.load(CORPUS / "en/dpa-2021-01.md").date == "2021-01-15"
    assert dpa_compare.load(CORPUS / "zh/dpa-2023-03.zh.md").date == "2023-03-01"


def test_a_date_inside_a_clause_is_not_the_document_date(tmp_path):
    file = tmp_path / "terms.md"
    file.write_text("# Terms\n\n1. The Customer shall pay by 1 May 2020.\n", encoding="utf-8")
    assert dpa_compare.load(file).date is None


def test_a_date_given_by_the_caller_wins(tmp_path):
    document = dpa_compare.load(CORPUS / "en/dpa-2020-05.md", version="1.0", date="2020-06-30")
    assert (document.version, document.date) == ("1.0", "2020-06-30")
    assert (
        document.sha256 and document.lang == "en" and document.title == "Data Processing Addendum"
    )
