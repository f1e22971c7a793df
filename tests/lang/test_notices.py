"""Which paragraphs are notes about a text (lang.notices); invented sentences."""

from __future__ import annotations

from dpa_compare.lang.notices import is_editorial_note, is_reference_notice


def test_reference_notice() -> None:
    assert is_reference_notice("This translation is provided for reference only.", "en")
    assert is_reference_notice("The English version is for information purposes only.", "en")
    assert is_reference_notice("本英文譯文僅供參考。", "zh")
    assert not is_reference_notice("Copies are kept for reference by the registry.", "en")
    assert not is_reference_notice("本資料僅供參考。", "zh")


def test_editorial_note() -> None:
    assert is_editorial_note("(Note: the forms are printed on pages 8 to 9.)", "en")
    assert is_editorial_note("(Tables 1 and 2: please refer to the Gazette, page 77)", "en")
    assert is_editorial_note("（註：附表請參閱公報第五頁）", "zh")
    assert not is_editorial_note("(The fee is waived for a first application.)", "en")
    assert not is_editorial_note("Note: the fee is waived.", "en")  # -- not bracketed --
