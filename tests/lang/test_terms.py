"""English short forms: how a statute introduces them and how later clauses repeat them."""

from __future__ import annotations

import pytest

from dpa_compare.lang.terms import EN_SHORT_FORM, find_en_short_form

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
