"""Every corpus file, in every format, reads back through `dpa_compare.load` with the keys' labels.

The labels and compared texts come from the independent parser in
`_corpus_labels` (the README's rules); the change and alignment keys come
from corpus/keys. A derived file (corpus/build.py: .docx with automatic
numbering, a saved web page, a GB18030 text) must give exactly the clauses —
refs and texts, emphasis aside — of the Markdown it was built from.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from _corpus_labels import CORPUS, REPO, clause_texts, corpus_file

import dpa_compare
from dpa_compare.model import Document


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # -- dataclasses look their module up in sys.modules while the class is being built --
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BUILD = _build_module()
SOURCES = sorted(CORPUS.glob("en/*.md")) + sorted(CORPUS.glob("zh/*.zh.md"))
DERIVED = [(CORPUS / t.output, CORPUS / t.source) for t in BUILD.TARGETS]
ALL_FILES = [(path, path) for path in SOURCES] + DERIVED


def _lang(path: Path) -> str:
    return "zh" if ".zh." in path.name else "en"


def _source_encoding(path: Path) -> str:
    return "gb18030" if path.parent.name == "gb18030" else "utf-8"


@functools.cache
def _load(path: Path) -> Document:
    return dpa_compare.load(path, lang=_lang(path))


def _require(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path.relative_to(CORPUS)} does not exist yet")


def _refs(document: Document) -> list[str]:
    return [clause.ref for clause in document.clauses]


def _id(pair: tuple[Path, Path]) -> str:
    return str(pair[0].relative_to(CORPUS))


@pytest.mark.parametrize("pair", ALL_FILES, ids=_id)
def test_refs_are_the_labels_of_the_key_conventions(pair: tuple[Path, Path]) -> None:
    path, source = pair
    _require(source)
    _require(path)
    refs = _refs(_load(path))
    repeated = sorted({ref for ref in refs if refs.count(ref) > 1})
    assert not repeated, f"{path.name}: refs occur more than once: {repeated}"
    expected = set(clause_texts(source))
    assert sorted(set(refs) - expected) == [], (
        f"{path.name}: refs that are not clauses of the corpus format"
    )
    assert sorted(expected - set(refs)) == [], (
        f"{path.name}: clauses the reader/segmenter did not find"
    )


@pytest.mark.parametrize("pair", ALL_FILES, ids=_id)
def test_clause_texts_are_the_compared_texts(pair: tuple[Path, Path]) -> None:
    path, source = pair
    _require(source)
    _require(path)
    expected = clause_texts(source)
    found = {clause.ref: clause.full_text for clause in _load(path).clauses}
    wrong = {
        ref: (found.get(ref), text) for ref, text in expected.items() if found.get(ref) != text
    }
    assert not wrong, (
        f"{path.name}: {len(wrong)} clause texts differ, e.g. {next(iter(wrong.items()))}"
    )


@pytest.mark.parametrize("pair", DERIVED, ids=_id)
def test_derived_file_reads_like_its_markdown_source(pair: tuple[Path, Path]) -> None:
    path, source = pair
    _require(source)
    _require(path)
    derived, original = _load(path), _load(source)
    assert [(c.ref, c.full_text) for c in derived.clauses] == [
        (c.ref, c.full_text) for c in original.clauses
    ]


@pytest.mark.parametrize("pair", DERIVED, ids=_id)
def test_derived_file_gives_the_same_clause_kinds(pair: tuple[Path, Path]) -> None:
    path, source = pair
    _require(source)
    _require(path)
    derived, original = _load(path), _load(source)
    differ = [
        (d.ref, d.kind, o.kind)
        for d, o in zip(derived.clauses, original.clauses, strict=False)
        if d.kind != o.kind
    ]
    assert len(derived.clauses) == len(original.clauses)
    assert not differ, f"{path.name}: (ref, kind here, kind in the Markdown): {differ[:5]}"


def test_gb18030_file_is_not_utf8() -> None:
    path = CORPUS / "gb18030" / "dpa-2020-05.zh.md"
    _require(path)
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("gb18030").replace("\r\n", "\n") == (
        CORPUS / "zh" / "dpa-2020-05.zh.md"
    ).read_text("utf-8")


def test_derived_files_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(CORPUS / "build.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_is_deterministic() -> None:
    target = next(t for t in BUILD.TARGETS if t.output.endswith(".docx"))
    assert BUILD.build(target) == BUILD.build(target)


# -- the keys, read through the project's own pipeline --

CHANGE_KEYS = sorted((CORPUS / "keys").glob("changes-*.yaml"))
ALIGN_KEYS = sorted((CORPUS / "keys").glob("align-*.yaml"))


def _key(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _labels(value: Any) -> list[str]:
    return [] if value is None else value if isinstance(value, list) else [value]


@pytest.mark.parametrize("key", CHANGE_KEYS, ids=lambda p: p.name)
def test_change_key_labels_are_refs_of_the_loaded_versions(key: Path) -> None:
    data = _key(key)
    for side in ("old", "new"):
        refs = set(_refs(_load(corpus_file(data[side]))))
        missing = [
            label
            for entry in data["changes"]
            for label in _labels(entry.get(side))
            if label not in refs
        ]
        assert not missing, f"{key.name}: {side} labels not found by dpa_compare.load: {missing}"


@pytest.mark.parametrize("key", ALIGN_KEYS, ids=lambda p: p.name)
def test_alignment_key_labels_are_exactly_the_refs_of_each_version(key: Path) -> None:
    data = _key(key)
    sides = {
        name: corpus_file(value)
        for name, value in data.items()
        if isinstance(value, str) and value.endswith(".md")
    }
    entries = [
        e
        for value in data.values()
        if isinstance(value, list)
        for e in value
        if isinstance(e, dict)
    ]
    for name, path in sides.items():
        labels = {label for entry in entries for label in _labels(entry.get(name))}
        assert set(_refs(_load(path))) == labels, (
            f"{key.name}: refs of {path.name} differ from its {name} labels"
        )


# -- render check: LibreOffice draws the automatic numbers --


def _shown_number(label: str) -> str:
    """Return the number Word shows for the clause `label` (labels are numbers as printed)."""
    if match := re.fullmatch(r"(?:Annex \d+|附件\S+) (\d+)", label):
        return f"{match[1]}."
    if label.isdigit():
        return f"{label}."
    # -- an item shows its own marker only: 7.2(a)(i) → (i), 7.2（一） → （一） --
    if match := re.search(r"[(（][^()（）]+[)）]$", label):
        return match[0]
    return label


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed",
)
@pytest.mark.parametrize("pair", [p for p in DERIVED if p[0].suffix == ".docx"], ids=_id)
def test_libreoffice_renders_the_automatic_numbers(pair: tuple[Path, Path], tmp_path: Path) -> None:
    path, source = pair
    _require(source)
    _require(path)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / f"{path.stem}.pdf"
    lines = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    zh = _lang(path) == "zh"
    cursor = 0
    for label, text in clause_texts(source).items():
        if label.startswith("¶") or " row " in label or label.endswith(" header"):
            continue
        # -- pdftotext puts spaces between CJK and Latin letters: compare without any whitespace --
        start = "".join(text.split())[:6] if zh else "".join(text.split()[:2])
        shown = "".join(_shown_number(label).split()) + start
        found = next(
            (i for i in range(cursor, len(lines)) if "".join(lines[i].split()).startswith(shown)),
            None,
        )
        assert found is not None, (
            f"{path.name}: no line after line {cursor} starts with {shown!r} ({label})"
        )
        cursor = found + 1


@pytest.mark.parametrize("pair", [p for p in DERIVED if p[0].suffix == ".docx"], ids=_id)
def test_docx_numbers_are_automatic_not_typed(pair: tuple[Path, Path]) -> None:
    import zipfile

    from lxml import etree

    path, source = pair
    _require(source)
    _require(path)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{w}body")
        assert b"<w:num " in package.read("word/numbering.xml")
    numbered = [p for p in body.iter(f"{w}p") if p.find(f"{w}pPr/{w}numPr") is not None]
    texts = ["".join(p.itertext()) for p in numbered]
    expected = [
        text
        for label, text in clause_texts(source).items()
        if not label.startswith("¶") and " row " not in label and not label.endswith(" header")
    ]
    # -- the paragraph holds only the text after the number: nothing typed in front of it --
    assert texts == expected, f"{path.name}: numbered paragraph texts differ from the clause texts"
