"""English short forms: how a statute introduces them and how later clauses repeat them."""

from __future__ import annotations

import pytest

from dpa_compare.lang.terms import (
    EN_SHORT_FORM,
    find_en_short_form,
    zh_term_head,
    zh_term_implied,
    zh_term_in,
)

INTRODUCED = [
    ('the Harbour Rules (hereinafter referred to as "the Rules") apply', "the Rules"),
    ("the Marine Board (hereinafter referred to as the “Board”) shall", "Board"),
    ("a licensed ferry operator(hereinafter, the “Operator”) may", "Operator"),
    ("the River Office (hereinafter,the“Office”) shall", "Office"),
    (
        "piers and jetties (hereinafter collectively referred to as “landing points”)",
        "landing points",
    ),
    ("a port agent (hereinafter referred as “Agent”) shall", "Agent"),
    ("a tug licence (hereinafter referred to as an “Permit”) is", "Permit"),
    ('the Harbour Fund (hereinafter "Fund") pays', "Fund"),
]


@pytest.mark.parametrize(("text", "term"), INTRODUCED)
def test_short_form_introductions_in_their_usual_wordings(text: str, term: str) -> None:
    assert [m.group(1) for m in EN_SHORT_FORM.finditer(text)] == [term]


REPEATED = [
    # -- (defined short form, later English, the use found with the determiner before it) --
    ("the Office", "The Office shall publish the list.", "The Office"),
    ("the Office", "Fees are set by this Office.", "this Office"),
    ("the Office", "the Office's seal", "the Office's"),
    ("Office", "The Office may inspect.", "The Office"),
    ("Licensed Pilot", "a report from the licensed pilot", "the licensed pilot"),
    ("landing points", "Landing points shall be lit.", "Landing points"),
    ("landing points", "each landing point shall be lit", "each landing point"),
    ("ferries", "the ferry shall carry a light", "the ferry"),
    ("harbour authority", "all harbour authorities", "harbour authorities"),
    ("Agent", "(2) Agent's name and address;", "Agent's"),
    ("Minor-ports", "the minor-ports listed", "the minor-ports"),
]


@pytest.mark.parametrize(("term", "text", "found"), REPEATED)
def test_a_later_use_in_another_case_number_or_determiner_is_the_short_form(
    term: str, text: str, found: str
) -> None:
    match = find_en_short_form(term, text)
    assert match is not None and match.group().strip() == found


NOT_THE_SHORT_FORM = [
    # -- a single capitalised word keeps its capital: the act of loading is not "the Act" --
    ("the Act", "the act of loading cargo"),
    ("the Act", "the acts of the master"),
    ("the Law", "as required by law"),
    # -- inside a longer name --
    ("Act", "under the Shipping Act"),
    ("Act", "the Act Governing Pilotage shall apply"),
    ("Office", "the Northern River Office"),
    # -- `each` belongs to the term (各機關): another determiner is another expression --
    ("each agency", "the agency shall report"),
    ("Board", "onboard"),
]


@pytest.mark.parametrize(("term", "text"), NOT_THE_SHORT_FORM)
def test_a_common_noun_or_a_longer_name_is_not_the_short_form(term: str, text: str) -> None:
    assert find_en_short_form(term, text) is None


def test_without_inflection_only_the_number_defined_counts() -> None:
    assert find_en_short_form("port authorities", "the port authority", inflect=False) is None
    assert find_en_short_form("port authorities", "the port authorities", inflect=False)
    assert find_en_short_form("port authorities", "the port authority")


# -- zh_term_implied: a Chinese text that leaves a term implied, or renders it another way --
IMPLIED = [
    # -- a subject already named, a pronoun, a list item without its subject --
    ("受託機構", "其應於三日內通報。"),
    ("受託機構", "逾期未通報者。"),
    # -- the head only inside another word, which is no rendering of the term --
    ("本會", "會議紀錄應公開。"),
    ("北區港口", "南區港務局得協助辦理。"),
]
RENDERED_OTHERWISE = [
    ("受託機構", "該機構應於三日內通報。"),  # -- the head kept --
    ("審議委員會", "本會應每月開會。"),  # -- the last character after a demonstrative --
    ("審議委員", "審議人員應迴避。"),  # -- the opening modifier kept --
    ("本會", "該會應每月開會。"),
]


@pytest.mark.parametrize(("term", "text"), IMPLIED)
def test_a_term_left_implied(term: str, text: str) -> None:
    assert zh_term_implied(term, text)


@pytest.mark.parametrize(("term", "text"), RENDERED_OTHERWISE)
def test_a_term_rendered_another_way_is_not_implied(term: str, text: str) -> None:
    assert not zh_term_implied(term, text)


def test_a_term_with_or_without_its_linking_particle_is_the_same_term() -> None:
    assert zh_term_in("代管基金機構", "由代管基金之機構辦理。")
    assert zh_term_head("代管基金之機構") == "機構"
    assert not zh_term_implied("代管基金機構", "由代管基金之機構辦理。")


def test_an_english_short_form_followed_by_another_name_is_that_name() -> None:
    assert find_en_short_form("Act", "the Act for Harbour Works applies") is None
    assert find_en_short_form("Act", "the Act of the Province applies") is None
    assert find_en_short_form("Act", "the Act for the time being in force")
