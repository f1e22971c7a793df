"""Citation ranges with a hyphen or a tilde agree with a 至 range; a changed end is found."""

from __future__ import annotations

import pytest
from conftest import documents, pair

from dpa_compare.qa import Pair, run_checks


def run(pairs: list[Pair]) -> list:
    en, zh = documents(pairs)
    return run_checks(pairs, en, zh, checks=["cross_references"])


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("Articles 3-7 do not apply to tenants.", "第三條至第七條之規定，於承租人不適用之。"),
        (
            "Paragraphs 1-3 of Article 18 apply mutatis mutandis.",
            "第十八條第一項至第三項之規定準用之。",
        ),
        ("Offences under Articles 21~24 are punished.", "違反第二十一條至第二十四條者，處罰之。"),
    ],
)  # fmt: skip
def test_hyphen_and_tilde_ranges_agree(en: str, zh: str) -> None:
    assert run([pair(en, zh)]) == []


def test_a_range_end_changed_is_still_found() -> None:
    assert run([pair("Articles 3-7 do not apply.", "第三條至第八條之規定不適用之。")])


def test_an_inserted_article_is_not_a_range() -> None:
    assert run([pair("Article 7-1 applies.", "第七條之規定適用之。")])
