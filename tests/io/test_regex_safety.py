"""Every regular expression the readers, language rules and segmenter hold, fed adversarial text.

A pattern that backtracks catastrophically turns one hostile line into a hang
(a line of 8,000 backticks took minutes in the Markdown code-span pattern).
Each module-level pattern of `dpa_compare.io`, `dpa_compare.lang` and
`dpa_compare.segment` is run (`sub`, which tries every start position, and
`match`) over long runs of its own literal characters and of Markdown, HTML
and numbering punctuation; each must finish well within a budget that only
super-linear behaviour exceeds.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import dpa_compare

LENGTH = 3000
BUDGET_SECONDS = 1.0
"""A linear pattern handles 3,000 characters in well under a millisecond; this budget leaves
room for a loaded machine but not for quadratic (or worse) backtracking."""

PACKAGES = ("dpa_compare.io", "dpa_compare.lang", "dpa_compare.segment")
PUNCTUATION = "*_~`[]()<>!#-.:;,0123456789aA第条（）一、 \t\\\"'|{}&%=/+@$^?\n"


def patterns() -> dict[str, re.Pattern[str]]:
    """Return every module-level text pattern of PACKAGES (also inside tuples and lists), by
    name."""
    found: dict[str, re.Pattern[str]] = {}
    for module_info in pkgutil.walk_packages(dpa_compare.__path__, "dpa_compare."):
        if not module_info.name.startswith(PACKAGES):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (tuple, list)) else (value,)
            for k, item in enumerate(values):
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found[f"{module_info.name}.{name}" + (f"[{k}]" if len(values) > 1 else "")] = (
                        item
                    )
    return found


def adversarial(pattern: re.Pattern[str]) -> list[str]:
    """Return long strings built from the pattern's own characters and common markup."""
    characters = sorted(set(PUNCTUATION) | {c for c in pattern.pattern if c.isprintable()})
    texts = []
    for c in characters:
        texts += [
            c * LENGTH,
            (c + "a") * (LENGTH // 2),
            (c + " ") * (LENGTH // 2),
            "a" + c * LENGTH,
        ]
    return texts


ALL = patterns()


def test_the_audit_sees_the_reader_patterns():
    assert len(ALL) > 40
    assert any("markdown_inline" in name for name in ALL)


@pytest.mark.parametrize("name", sorted(ALL))
def test_pattern_is_linear_on_adversarial_text(name):
    pattern = ALL[name]
    for text in adversarial(pattern):
        started = time.perf_counter()
        pattern.sub("", text)
        pattern.match(text)
        elapsed = time.perf_counter() - started
        assert elapsed < BUDGET_SECONDS, (
            f"{name} took {elapsed:.2f} s on {text[:12]!r}… ({len(text)} chars)"
        )


def test_markdown_code_spans_on_8000_backticks():
    from dpa_compare.io.markdown_inline import strip_code_spans, strip_inline

    started = time.perf_counter()
    assert strip_inline("`" * 8000) == "`" * 8000
    assert strip_code_spans("a `x` b ``y ` z`` c `open") == "a x b y ` z c `open"
    assert time.perf_counter() - started < BUDGET_SECONDS
