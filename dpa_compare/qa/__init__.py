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

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dpa_compare.glossary.extract import extract_glossary, glossary_yaml
    from dpa_compare.glossary.terms import Glossary, GlossaryEntry, load_glossary
    from dpa_compare.notes.carry import CarriedNote, CarriedNotes, carry_notes
    from dpa_compare.notes.file import (
        Note,
        NotesFile,
        Suppression,
        apply_suppressions,
        dump_notes,
        load_notes,
        suppress,
    )
    from dpa_compare.qa.pairs import align, align_by_number, pairs_from_alignment
    from dpa_compare.qa.registry import (
        CHECKS,
        SEVERITIES,
        Check,
        Context,
        Finding,
        Issue,
        Pair,
        check,
    )
    from dpa_compare.qa.review import CheckResult, check_documents
    from dpa_compare.qa.runner import available_checks, label_map_from_pairs, run_checks
    from dpa_compare.qa.values import Value, extract_values

# -- names are imported from their modules on first use (PEP 562): importing one
#    QA module (say `glossary.terms` for `diff --glossary`) must not load the checks,
#    the value extractors and the aligner that the others need --
_HOME = {
    "CHECKS": "dpa_compare.qa.registry",
    "CarriedNote": "dpa_compare.notes.carry",
    "CarriedNotes": "dpa_compare.notes.carry",
    "Check": "dpa_compare.qa.registry",
    "CheckResult": "dpa_compare.qa.review",
    "Context": "dpa_compare.qa.registry",
    "Finding": "dpa_compare.qa.registry",
    "Glossary": "dpa_compare.glossary.terms",
    "GlossaryEntry": "dpa_compare.glossary.terms",
    "Issue": "dpa_compare.qa.registry",
    "Note": "dpa_compare.notes.file",
    "NotesFile": "dpa_compare.notes.file",
    "Pair": "dpa_compare.qa.registry",
    "SEVERITIES": "dpa_compare.qa.registry",
    "Suppression": "dpa_compare.notes.file",
    "Value": "dpa_compare.qa.values",
    "align": "dpa_compare.qa.pairs",
    "align_by_number": "dpa_compare.qa.pairs",
    "apply_suppressions": "dpa_compare.notes.file",
    "available_checks": "dpa_compare.qa.runner",
    "carry_notes": "dpa_compare.notes.carry",
    "check": "dpa_compare.qa.registry",
    "check_documents": "dpa_compare.qa.review",
    "dump_notes": "dpa_compare.notes.file",
    "extract_glossary": "dpa_compare.glossary.extract",
    "extract_values": "dpa_compare.qa.values",
    "glossary_yaml": "dpa_compare.glossary.extract",
    "label_map_from_pairs": "dpa_compare.qa.runner",
    "load_glossary": "dpa_compare.glossary.terms",
    "load_notes": "dpa_compare.notes.file",
    "pairs_from_alignment": "dpa_compare.qa.pairs",
    "run_checks": "dpa_compare.qa.runner",
    "suppress": "dpa_compare.notes.file",
}


def __getattr__(name: str) -> Any:
    """Return the public name `name`, importing the module that defines it on first use."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


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
