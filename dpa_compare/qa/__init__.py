"""Translation QA for aligned English ⇄ Chinese clause pairs.

    from dpa_compare.qa import Pair, run_checks, load_glossary
    findings = run_checks(pairs, en_doc, zh_doc, glossary=load_glossary("terms.yaml"))
    result = check_documents(en_doc, zh_doc, glossary=..., notes=load_notes("notes.yaml"),
                             previous=(old_en, old_zh))     # align, check, stale, suppressions

`Pair` is the interface to alignment: an English clause, the Chinese clause
that translates it (either may be None), and their citations. Each check is
a function registered in `qa.registry.CHECKS` with a severity and a title
(its docstring's first line); see `qa.checks` for the list.
"""

from __future__ import annotations

from dpa_compare.qa.carry import CarriedNote, CarriedNotes, carry_notes
from dpa_compare.qa.extract import extract_glossary, glossary_yaml
from dpa_compare.qa.glossary import Glossary, GlossaryEntry, load_glossary
from dpa_compare.qa.notes import (
    Note,
    NotesFile,
    Suppression,
    apply_suppressions,
    dump_notes,
    load_notes,
    suppress,
)
from dpa_compare.qa.pairs import align, align_by_number, pairs_from_alignment
from dpa_compare.qa.registry import CHECKS, SEVERITIES, Check, Context, Finding, Issue, Pair, check
from dpa_compare.qa.review import CheckResult, check_documents
from dpa_compare.qa.runner import available_checks, label_map_from_pairs, run_checks
from dpa_compare.qa.values import Value, extract_values

__all__ = [
    "CHECKS",
    "CarriedNote",
    "CarriedNotes",
    "CheckResult",
    "Note",
    "NotesFile",
    "Suppression",
    "align",
    "align_by_number",
    "apply_suppressions",
    "carry_notes",
    "check_documents",
    "dump_notes",
    "extract_glossary",
    "glossary_yaml",
    "load_notes",
    "pairs_from_alignment",
    "suppress",
    "SEVERITIES",
    "Check",
    "Context",
    "Finding",
    "Glossary",
    "GlossaryEntry",
    "Issue",
    "Pair",
    "Value",
    "available_checks",
    "check",
    "extract_values",
    "label_map_from_pairs",
    "load_glossary",
    "run_checks",
]
