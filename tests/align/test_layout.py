"""The align package's layers: shared evidence imports neither aligner; clause work skips the
sentence engine."""

import subprocess
import sys
from pathlib import Path

ALIGN = Path(__file__).resolve().parents[2] / "dpa_compare" / "align"


def test_evidence_imports_neither_aligner():
    for module in (ALIGN / "evidence").glob("*.py"):
        code = module.read_text(encoding="utf-8")
        assert "dpa_compare.align.sentence" not in code, module
        assert "dpa_compare.align.clause" not in code, module


def test_sentence_and_clause_aligners_do_not_import_each_other():
    for side, other in (("sentence", "clause"), ("clause", "sentence")):
        for module in (ALIGN / side).glob("*.py"):
            assert f"dpa_compare.align.{other}" not in module.read_text(encoding="utf-8"), module


def test_clause_alignment_does_not_load_the_sentence_engine():
    probe = (
        "import sys, dpa_compare.align.clause; "
        "print('dpa_compare.align.sentence.engine' in sys.modules)"
    )
    root = str(ALIGN.parents[1])
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": root, "PATH": ""},
        cwd=root,
    )
    assert out.stdout.strip() == "False"
