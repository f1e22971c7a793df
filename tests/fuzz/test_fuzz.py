"""Seeded fuzzing of the readers through the real command line, each case under hard limits.

Seed documents (a .docx, a text-layer .pdf, .html and .md, all written here)
are mutated deterministically: bytes flipped, runs overwritten, truncated,
entries of the zip damaged; text inputs also get random clause labels, very
long lines, deep nesting and runs of Markdown punctuation. Every case runs as
`dpa-compare segment FILE` in a forked child with an address-space limit and
a 20 s kill (`_worker.py`); the contract checked on each is the README's:
exit 0, or exit 2 with one stderr line naming the file — never a traceback,
an internal error (123), a signal, a hang — the input unchanged, and peak
memory under 1.5 GB. `FUZZ_SEED` and `FUZZ_CASES` change the run.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("_worker.py")
SEED = int(os.environ.get("FUZZ_SEED", "20261207"))
CASES_PER_SEED = int(os.environ.get("FUZZ_CASES", "30"))
"""Mutations of each seed document (seven seeds: about 210 cases, well under two minutes)."""

PEAK_KB = int(1.5 * 1024 * 1024)
TOTAL_SECONDS = 110

LABELS = ["1.", "1.1", "(a)", "(iv)", "Article 5", "Section 12", "Clause 7", "Annex 2", "第一条",
          "第 1-1 條", "一、", "（一）", "附件一", "Schedule 3", "12.4.1", "a)", "IV."]  # fmt: skip


# -- seed documents --------------------------------------------------------------------------------


def seed_markdown(rng: random.Random) -> bytes:
    lines = ["# Data Processing Terms", ""]
    for k in range(1, 30):
        label = rng.choice(LABELS)
        lines += [
            f"{label} The processor shall keep record {k} **safe** and `secret` [here](x).",
            "",
        ]
    return "\n".join(lines).encode()


def seed_chinese_markdown(rng: random.Random) -> bytes:
    lines = ["# 数据处理条款", ""]
    for k in range(1, 30):
        lines += [f"{rng.choice(LABELS)} 处理者应妥善保存第{k}项记录。", ""]
    return "\n".join(lines).encode()


def seed_html(rng: random.Random) -> bytes:
    items = "".join(f"<li>{rng.choice(LABELS)} Item {k} of the list.</li>" for k in range(20))
    paragraphs = "".join(f"<p>{rng.choice(LABELS)} Paragraph {k} text.</p>" for k in range(20))
    return (
        f"<html><head><title>T</title></head><body><h1>Terms</h1><ol>{items}</ol>"
        f"{paragraphs}</body></html>"
    ).encode()


def seed_docx(rng: random.Random) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Data Processing Terms", 1)
    for k in range(25):
        document.add_paragraph(f"{rng.choice(LABELS)} The processor shall keep record {k} safe.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1. Cell clause."
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def seed_pdf(rng: random.Random) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for k in range(30):
        page.drawString(
            72, 780 - 24 * k, f"{rng.choice(LABELS)} The processor shall keep record {k}."
        )
    page.showPage()
    page.save()
    return buffer.getvalue()


SEEDS = {"md": seed_markdown, "zh.md": seed_chinese_markdown, "html": seed_html,
         "docx": seed_docx, "pdf": seed_pdf}  # fmt: skip


# -- mutations -------------------------------------------------------------------------------------


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def overwrite_run(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    run = bytes([rng.randrange(256)]) * rng.randint(1, 4096)
    return data[:start] + run + data[start + len(run) :]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def damage_zip_entry(data: bytes, rng: random.Random) -> bytes:
    """Return the .docx with one XML part flipped, truncated or wrapped in junk (the zip stays
    valid)."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return flip_bytes(data, rng)
    names = [i.filename for i in source.infolist()]
    victim = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            blob = source.read(name)
            if name == victim:
                blob = rng.choice([flip_bytes, truncate, overwrite_run])(blob or b"x", rng)
            target.writestr(name, blob)
    return out.getvalue()


def text_hostility(data: bytes, rng: random.Random) -> bytes:
    """Return text with a hostile line inserted: long runs of markup, labels, nesting or one huge
    line."""
    motifs = ["`", "*", "_", "[", "(", "<p>", "<li>", "<div>", "~~", "\\", "1. ", "(a) ", "第一条",
              "**a", "[a](", "![", "<!--", "&amp;", "|", "#", " "]  # fmt: skip
    motif = rng.choice(motifs)
    line = motif * rng.randint(500, 8000)
    if rng.random() < 0.3:
        line = " ".join(f"{rng.choice(LABELS)} clause" for _ in range(rng.randint(100, 3000)))
    lines = data.split(b"\n")
    lines.insert(rng.randrange(len(lines)), line.encode())
    return b"\n".join(lines)


MUTATIONS = {
    "md": [flip_bytes, truncate, overwrite_run, text_hostility, text_hostility],
    "zh.md": [flip_bytes, truncate, text_hostility],
    "html": [flip_bytes, truncate, overwrite_run, text_hostility, text_hostility],
    "docx": [damage_zip_entry, damage_zip_entry, flip_bytes, truncate],
    "pdf": [flip_bytes, truncate, overwrite_run],
}


def build_cases(folder: Path) -> list[Path]:
    """Write the seeded mutations into `folder` and return their paths."""
    rng = random.Random(SEED)
    paths = []
    for kind, make in SEEDS.items():
        seed = make(rng)
        for k in range(CASES_PER_SEED):
            mutate = rng.choice(MUTATIONS[kind])
            path = folder / f"case-{k:03d}-{mutate.__name__}.{kind}"
            path.write_bytes(mutate(seed, rng))
            paths.append(path)
    return paths


# -- the test --------------------------------------------------------------------------------------


def test_mutated_inputs_keep_the_bad_input_contract(tmp_path):
    cases = build_cases(tmp_path)
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in cases}
    listing = tmp_path / "cases.json"
    listing.write_text(json.dumps([str(p) for p in cases]), encoding="utf-8")
    results_path = tmp_path / "results.json"
    subprocess.run(
        [sys.executable, str(WORKER), str(listing), str(results_path)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=TOTAL_SECONDS * 3,
        check=True,
    )
    results = json.loads(results_path.read_text(encoding="utf-8"))
    assert len(results) == len(cases)
    failures = [f"{Path(r['path']).name}: {why}" for r in results if (why := judge(r))]
    failures += [
        f"{p.name}: input modified"
        for p in cases
        if hashlib.sha256(p.read_bytes()).hexdigest() != digests[p]
    ]
    assert not failures, (
        f"{len(failures)} of {len(cases)} cases broke the contract (seed {SEED}):\n"
        + "\n".join(failures[:20])
    )


def judge(result: dict) -> str:
    """Return what is wrong with one case's outcome ("" when it keeps the contract)."""
    code, stderr, path = result["code"], result["stderr"], result["path"]
    if result["seconds"] >= 20:
        return f"took {result['seconds']:.1f} s (killed)"
    if result["peak_kb"] > PEAK_KB:
        return f"peak memory {result['peak_kb'] // 1024} MB"
    if "Traceback" in stderr:
        return "traceback: " + stderr[-300:]
    if code == 0:
        return ""
    if code != 2:
        return f"exit {code}: {stderr.strip()[:300]}"
    lines = stderr.splitlines()
    if len(lines) != 1 or not lines[0].startswith(f"dpa-compare: error: {path}: "):
        return f"stderr is not one line naming the file: {stderr[:300]!r}"
    return ""


def test_the_guard_kills_a_hanging_case_and_the_judge_flags_it(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("fuzz_worker", WORKER)
    assert spec is not None and spec.loader is not None
    worker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(worker)
    # -- a /MediaBox that refers to itself loops pdfminer forever once the page budget is off --
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox 4 0 R >>", b"4 0 R"]  # fmt: skip
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "loop.pdf"
    path.write_bytes(out)
    monkeypatch.setenv("DPA_COMPARE_PDF_PAGE_SECONDS", "0")
    monkeypatch.setattr(worker, "CASE_SECONDS", 2.0)
    result = worker.run_case(str(path), str(tmp_path / "err"))
    assert result["code"] == -9
    assert "killed" in judge({**result, "seconds": 20.0})
    assert judge({**result, "code": 123, "seconds": 0.1, "stderr": "x"}).startswith("exit 123")
    assert judge({**result, "code": 2, "seconds": 0.1, "stderr": "a\nb\n"}).startswith("stderr")
