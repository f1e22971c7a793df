"""English label patterns and definitions."""

import pytest

from dpa_compare.lang import en

LABELS = [
    ("1. Definitions", "decimal", "1.", (1,), "Definitions"),
    ("1.1 Scope", "decimal", "1.1", (1, 1), "Scope"),
    ("1.1.1 The Processor shall", "decimal", "1.1.1", (1, 1, 1), "The Processor shall"),
    ("2.1. Role", "decimal", "2.1.", (2, 1), "Role"),
    ("(a) the thing", "alpha_paren", "(a)", (1,), "the thing"),
    ("a. the thing", "alpha_dot", "a.", (1,), "the thing"),
    ("a) the thing", "alpha_rparen", "a)", (1,), "the thing"),
    ("(i) the thing", "roman_paren", "(i)", (1,), "the thing"),
    ("(iv) the thing", "roman_paren", "(iv)", (4,), "the thing"),
    ("(A) The thing", "ALPHA_paren", "(A)", (1,), "The thing"),
    ("(2) The thing", "num_paren", "(2)", (2,), "The thing"),
    ("Section 5 Audits", "article", "Section 5", (5,), "Audits"),
    ("Article 28", "article", "Article 28", (28,), ""),
    ("Article 1-1", "article", "Article 1-1", (1, 1), ""),
    ("Clause 7 – Optional", "article", "Clause 7", (7,), "Optional"),
    ("Chapter I General Provisions", "chapter", "Chapter I", (1,), "General Provisions"),
    ("Part 2", "part", "Part 2", (2,), ""),
    ("SECTION II – OBLIGATIONS", "section", "SECTION II", (2,), "OBLIGATIONS"),
    ("Annex 1", "annex", "Annex 1", (1,), ""),
    ("Annex A – Security", "annex", "Annex A", (1,), "Security"),
    ("EXHIBIT 2 - Measures", "annex", "EXHIBIT 2", (2,), "Measures"),
    ("Schedule 3: Subprocessors", "annex", "Schedule 3", (3,), "Subprocessors"),
    ("Appendix B", "annex", "Appendix B", (2,), ""),
    ("APPENDIX", "annex", "APPENDIX", (), ""),
]


@pytest.mark.parametrize(("text", "scheme", "label", "numbers", "rest"), LABELS)
def test_english_labels(text, scheme, label, numbers, rest):
    match = en.match_label(text)[0]
    assert (match.scheme, match.label, match.numbers, match.rest) == (scheme, label, numbers, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Section 9 of this DPA applies",
        "Article 46(1) of the GDPR",
        "PARTIES to this",
        "e.g. this",
        "Mr. Smith",
    ],
)
def test_citations_and_words_are_not_labels(text):
    assert en.match_label(text) == []


def test_bare_number_is_a_label_only_in_headings():
    assert en.match_label("1 La Plateforme") == []
    assert en.match_label("1 La Plateforme", heading=True)[0].label == "1"


def test_i_is_read_both_ways_roman_first():
    assert [m.scheme for m in en.match_label("(i) x")] == ["roman_paren", "alpha_paren"]
    assert [m.scheme for m in en.match_label("(v) x")] == ["alpha_paren", "roman_paren"]


DEFINITIONS = [
    ('"Customer Data" means any data', "Customer Data"),
    ("“Customer Data” means any data", "Customer Data"),
    ('a "personal data file" refers to a collection', "personal data file"),
    ("“Agreement”: means the agreement", "Agreement"),
    ("“SCC”¨¨: means the clauses", "SCC"),
    ("““International Data Transfer”: means any", "International Data Transfer"),
    ("“Data Processing Agreement” or “DPA”: means this", "Data Processing Agreement"),
    ('"Consent", as referred to in Article 15, means a declaration', "Consent"),
    ("The terms “Controller” and “Processor” will have the meanings", None),
    ("Customer shall comply with the law.", None),
]


@pytest.mark.parametrize(("text", "term"), DEFINITIONS)
def test_english_definitions(text, term):
    assert en.match_definition(text) == term


def test_unquoted_term_counts_only_when_bold():
    assert en.match_definition("Personal Data means any information") is None
    assert (
        en.match_definition("Personal Data means any information", bold_lead="Personal Data")
        == "Personal Data"
    )


def test_titles():
    assert en.looks_like_title("Role of the Parties")
    assert en.looks_like_title("Description of the transfer(s)")
    assert not en.looks_like_title("the right to erase his/her personal data;")
    assert not en.looks_like_title("Customer shall comply with the law.")
