"""Sentences in English and Chinese: where they end, splitting and counting.

English: a sentence ends at . ! ? (plus closing quotes/brackets) followed by
a space and an upper-case letter, digit or opening quote — unless the word
before the stop is a known abbreviation (e.g., i.e., Art., No., U.S., Sec.,
Inc., etc.) or a single initial.
Chinese: a sentence ends at 。！？ (and their half-width ! ?); for splitting,
also at ；… — with any closing quotes or brackets ”’」』）》 kept on the
sentence they close. A proviso (`但…不在此限`, `惟…`) that follows a full
stop continues the sentence it qualifies, as English writes it with "unless"
or "provided that": it is not counted as a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EN_SENTENCE_ENDERS = ".!?"
"""Characters that end an English sentence."""

ZH_SENTENCE_ENDERS = "。！？!?"
"""Characters that end a Chinese sentence (the full stops)."""

ZH_CLAUSE_ENDERS = "；;"
"""Characters that end a Chinese clause of a sentence; a split for alignment stops there too."""

ZH_CLOSERS = "”’」』）)》〉]"
"""Closing quotes and brackets that stay with the sentence they close."""

ZH_PROVISO_OPENERS = "但惟"
"""Words that open a proviso (`但…不在此限`, `惟…`), which belongs to the sentence before it."""

ABBREVIATIONS = frozenset(
    "e.g. i.e. art. arts. no. nos. u.s. u.k. e.u. sec. secs. inc. ltd. co. corp. etc. cf. vs. v. "
    "mr. mrs. ms. dr. prof. st. para. paras. p. pp. vol. ch. fig. approx. jan. feb. mar. apr. jun. "
    "jul. aug. sep. sept. oct. nov. dec. sub. cl. reg. dept. est. al. seq. ref.".split()
)
"""Lower-cased words ending in a full stop that do not end a sentence."""

_EN_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_ZH_END = re.compile(
    rf"(?:[{ZH_SENTENCE_ENDERS}{ZH_CLAUSE_ENDERS}]|…+|\.{{3,}})[{re.escape(ZH_CLOSERS)}]*"
)
_ZH_FULL_END = re.compile(
    rf"[{ZH_SENTENCE_ENDERS}][{re.escape(ZH_CLOSERS)}]*(?!\s*[{ZH_PROVISO_OPENERS}])"
)


def split_english(text: str) -> list[str]:
    """Return the sentences of English `text`, stripped, in order."""
    sentences, start = [], 0
    for match in _EN_END.finditer(text):
        end = match.end()
        word = text[start:end].split()[-1] if text[start:end].split() else ""
        bare = word.rstrip("\"'”’)]").lower()
        if match.group().startswith(".") and _is_abbreviation(bare):
            continue
        sentences.append(text[start:end].strip())
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(\"'“‘[")
    if word in ABBREVIATIONS:
        return True
    # -- single initials ("J.") and dotted acronyms ("U.S.A.") --
    return bool(re.fullmatch(r"(?:[a-z]\.)+", word))


_RUN_IN_SENTENCE = re.compile(r"""(?<=[a-z)"”’])[.!?](?=[A-Z][a-z]+[\s,;:])""")
_RUN_IN_ITEM = re.compile(r"(?<=\S)[.:;](?=(\d{1,2})\.\s?[^\d\s.])")
_LEADING_ITEM = re.compile(r"\s*(\d{1,2})\.\s?[^\d\s.]")


def run_in_sentence_breaks(text: str) -> list[int]:
    """Return the offsets in English `text` after each sentence end set straight against a
    capitalised word (`…the Government.The Council may…`; not after an abbreviation or initial).

    That is where a conversion that ran paragraphs together lost a break, or
    only a typist's space: the caller weighs how often a document does it.
    """
    return [m.end() for m in _RUN_IN_SENTENCE.finditer(text) if not _ends_abbreviation(text, m)]


def run_in_item_breaks(text: str) -> list[int]:
    """Return the offsets in English `text` where items run into the text before them.

    `…defined below.1. "Area" means….2. "Resident" means…`: a sentence end
    or colon set straight against an item number that continues the text's
    own sequence 1., 2., 3. — two items at least, counting one the text opens
    with. `Article 3.1`, `No. 2.` and `7.5.1` are not such; a later item may
    follow a sentence that ends on a number (`…under Section 7.2. Keep …`).
    """
    leading = _LEADING_ITEM.match(text)
    expected = int(leading.group(1)) + 1 if leading else 1
    items: list[int] = []
    for match in _RUN_IN_ITEM.finditer(text):
        after_digit = text[match.start() - 1].isdigit()
        if after_digit and expected == 1:
            continue  # -- `Release 7.5.1.`: a list goes on after a number, never starts there --
        if int(match.group(1)) == expected:
            items.append(match.end())
            expected += 1
    return items if len(items) + (1 if leading else 0) >= 2 else []


_RUN_IN_OUTLINE = re.compile(
    r"(?:^|(?<=[.:;)])\s+)(\d{1,2}|[A-Za-z]|[IVX]{2,4}|[ivx]{2,4})\.(?=[A-Z][a-z]|\s+[A-Z])"
)


def run_in_outline_breaks(text: str, last: dict[str, int] | None = None) -> list[int]:
    """Return the offsets in English `text` where items of a list of several levels are run in.

    `…as follows: 1.Weather risks: A.Storms: a.Damage to the quay. b.Loss of cargo.`: a label
    typed against its capitalised first word, after a sentence end, colon or closing bracket and a
    space. Each kind of number (1, A, a, I, i) must start at one or continue its own sequence, and
    two items at least must be found: `Act. A.Smith` once is no list. `last` carries each kind's
    last number from the paragraphs before (a list a conversion broke into several); it is
    updated, and so is it by a label the text opens with (`f. The …`), which is no break.
    """
    from dpa_compare.lang.numerals import is_roman, letters_to_int, roman_to_int

    last = {} if last is None else last
    carried = bool(last)
    found: list[int] = []
    for match in _RUN_IN_OUTLINE.finditer(text):
        token = match.group(1)
        opening = match.start() == 0
        if not opening and text[match.end(1) + 1 : match.end(1) + 2].isspace():
            continue  # -- `Act. A. Smith`: only a label typed against its word breaks a text --
        readings: list[tuple[str, int]] = []
        if token.isdigit():
            readings.append(("digit", int(token)))
        else:
            case = "upper" if token.isupper() else "lower"
            if len(token) == 1:
                readings.append((f"letter-{case}", letters_to_int(token)))
            if is_roman(token):
                readings.append((f"roman-{case}", roman_to_int(token)))
        fits = [(kind, value) for kind, value in readings if value == last.get(kind, 0) + 1]
        fits = fits or [(kind, value) for kind, value in readings if value == 1]
        if not fits:
            continue
        kind, value = fits[0]
        last[kind] = value
        if not opening:
            found.append(match.start(1))
    return found if len(found) >= 2 or (found and carried) else []


_OPEN_END = re.compile(r"[A-Za-z,]\s*$")
_LOWER_START = re.compile(r"^\s*[a-z]+[\s,]")


def continues_sentence(previous: str, text: str) -> bool:
    """Return whether English paragraph `text` goes on with the sentence `previous` leaves open.

    `…the crews on board and` / `ashore.`: the first ends on a word
    or a comma, the second opens with a lower-case word that is no label
    (`a. `, `iv) ` and `b.Effect` number items of their own).
    """
    from dpa_compare.lang.labels import generic_labels

    return bool(
        _OPEN_END.search(previous)
        and _LOWER_START.match(text)
        and not generic_labels(text.strip(), False)
    )


_ZH_OPEN_END = re.compile(rf"[{ZH_CLAUSE_ENDERS}，,、]\s*$")


def zh_continues_sentence(previous: str, text: str) -> bool:
    """Return whether Chinese paragraph `text` goes on with the sentence of `previous`.

    `…應公告各船席之費額；` / `其公告方式另定之。`: the first ends on a clause end
    or comma; or `text` is a proviso (`但…`, `惟…`), which qualifies the
    sentence before it. Databases break such sentences into paragraphs of
    their own where the translation keeps one.
    """
    return bool(_ZH_OPEN_END.search(previous)) or text.lstrip()[:1] in ZH_PROVISO_OPENERS


# -- punctuation that closes what came before and so never opens a line (`。除非…`, `, the …`);
# an ellipsis and a decimal point (`.5`) may --
_OPENS_ON_CLOSER = re.compile(
    rf"^\s*(?:[{ZH_SENTENCE_ENDERS}{ZH_CLAUSE_ENDERS}，、：:,{re.escape(ZH_CLOSERS)}]"
    r"|\.(?![.\d]))"
)


def goes_on_from(previous: str, text: str, lang: str) -> bool:
    """Return True when paragraph `text` goes on with the sentence of `previous`, in `lang`
    (`continues_sentence` for English, `zh_continues_sentence` for Chinese)."""
    follows = zh_continues_sentence if lang == "zh" else continues_sentence
    return follows(previous, text)


def opens_on_closer(text: str) -> bool:
    """Return whether paragraph `text` opens on punctuation that closes the text before it.

    `…（載明頁次）` / `。除非…`, `…the said equipment` / `, the body may…`: a
    line break typed before a full stop or a comma, so the paragraph goes on
    with the one before.
    """
    return bool(_OPENS_ON_CLOSER.match(text))


def stops_mid_sentence(text: str, lang: str) -> bool:
    """Return whether paragraph `text` stops in mid-sentence: no sentence or clause end, colon or
    (English) semicolon closes it,
    brackets and quotes aside (`…之申請、核准及撤銷（廢）`)."""
    bare = text.rstrip().rstrip(ZH_CLOSERS + "\"'")
    enders = ZH_SENTENCE_ENDERS + ZH_CLAUSE_ENDERS + "：:" if lang == "zh" else ".!?;:"
    return bool(bare) and bare[-1] not in enders


def _ends_abbreviation(text: str, stop: re.Match[str]) -> bool:
    """Return whether the full stop `stop` ends an abbreviation or an initial (`e.g.`, `U.S.`)."""
    before = text[: stop.start()].split()
    word = before[-1] if before else ""
    return stop.group() == "." and ("." in word or _is_abbreviation(word.lower() + "."))


def split_chinese(text: str, full_sentences: bool = False) -> list[str]:
    """Return the sentences of Chinese `text`, stripped, in order.

    By default a split ends at every sentence or clause end (`。！？；…`), the
    units an aligner pairs. With `full_sentences` only the full stops
    `。！？` end one, and a proviso stays with the sentence before it.
    """
    sentences, start = [], 0
    for match in (_ZH_FULL_END if full_sentences else _ZH_END).finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def split_sentences(text: str, lang: str) -> list[str]:
    """Return the sentences of `text` written in `lang` ("zh" or "en")."""
    return split_chinese(text) if lang == "zh" else split_english(text)


def sentence_count(text: str, lang: str) -> int:
    """Return the number of full sentences in `text` written in `lang` ("zh" or "en").

    English counts as `split_english` splits; Chinese counts full stops only
    (`；` joins clauses of one sentence) and a proviso as part of the
    sentence it qualifies.
    """
    if lang == "en":
        return len(split_english(text))
    return len(split_chinese(text, full_sentences=True))


_EN_BROKEN_END = re.compile(r"[A-Za-z0-9,]\s*$")
_EN_LOWER_START = re.compile(r"^\s*[a-z]")
ZH_RUN_ON_ENDERS = "，,、"
"""Marks that stop a Chinese clause in the middle of its sentence: a paragraph cannot end there."""


def runs_on(text: str, following: str, lang: str) -> bool:
    """Return whether `text` stops in the middle of a sentence that `following` goes on with.

    A paragraph broken in two by the layout (`… shall be` / `processed
    under …`) reads as two clauses; only their join is a sentence. English:
    `text` ends in a word, figure or comma, with no stop, colon or
    semicolon, and `following` opens in lower case. Chinese has no case to
    tell: only a comma or enumeration comma (，、) at the end says the
    sentence goes on.
    """
    if lang == "en":
        return bool(_EN_BROKEN_END.search(text)) and bool(_EN_LOWER_START.match(following))
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in ZH_RUN_ON_ENDERS and bool(following.strip())


def join_sentences(sentences: Iterable[str], lang: str) -> str:
    """Return consecutive `sentences` of `lang` as one text (Chinese runs on, English is spaced)."""
    return ("" if lang == "zh" else " ").join(s.strip() for s in sentences)


__all__ = [
    "continues_sentence",
    "opens_on_closer",
    "goes_on_from",
    "stops_mid_sentence",
    "zh_continues_sentence",
    "ABBREVIATIONS",
    "EN_SENTENCE_ENDERS",
    "ZH_CLAUSE_ENDERS",
    "ZH_CLOSERS",
    "ZH_PROVISO_OPENERS",
    "ZH_RUN_ON_ENDERS",
    "ZH_SENTENCE_ENDERS",
    "run_in_item_breaks",
    "run_in_outline_breaks",
    "run_in_sentence_breaks",
    "join_sentences",
    "runs_on",
    "sentence_count",
    "split_chinese",
    "split_english",
    "split_sentences",
]
