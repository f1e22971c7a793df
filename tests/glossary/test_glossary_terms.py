"""Glossary loading from YAML, CSV and TBX, lookups, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpa_compare.errors import LoadError
from dpa_compare.glossary.terms import GlossaryEntry, load_glossary


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_list(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.yaml",
        """
- en: personal data
  zh: [个人数据]
  forbidden: [个人资料, 私人数据]
  note: PIPL wording
- en: Sub-processor
  zh: 分处理者
""",
    )
    glossary = load_glossary(path)
    assert len(glossary) == 2
    entry = glossary.lookup("Personal Data")
    assert entry == GlossaryEntry(
        "personal data", ("个人数据",), ("个人资料", "私人数据"), "PIPL wording"
    )
    assert glossary.lookup("sub-processor").zh == ("分处理者",)
    assert {e.en for e in glossary.in_english("Each Sub-processor's personal data")} == {
        "Sub-processor",
        "personal data",
    }
    assert glossary.in_english("Each Controller") == []


def test_yaml_mapping_forms(tmp_path: Path) -> None:
    plain = load_glossary(
        write(tmp_path, "a.yml", "Controller: 控制者\nProcessor: [处理者, 受托处理者]\n")
    )
    assert plain.lookup("processor").zh == ("处理者", "受托处理者")
    wrapped = load_glossary(
        write(tmp_path, "b.yaml", "entries:\n  - {en: Data Subject, zh: 数据主体}\n")
    )
    assert wrapped.lookup("data subject").zh == ("数据主体",)


def test_csv_with_multiple_values(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        "\ufeffEN,ZH,Forbidden,Note\npersonal data,个人数据,个人资料|私人数据,\n"
        "Processor,处理者;受托处理者,,defined term\n\n",
    )
    glossary = load_glossary(path)
    assert glossary.lookup("personal data").forbidden == ("个人资料", "私人数据")
    assert glossary.lookup("processor").zh == ("处理者", "受托处理者")
    assert glossary.lookup("processor").note == "defined term"


def test_tsv(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, "g.tsv", "en\tzh\nController\t控制者\n"))
    assert glossary.lookup("controller").zh == ("控制者",)


TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
 <text><body>
  <termEntry id="t1">
   <descrip type="definition">information relating to an identified person</descrip>
   <langSet xml:lang="en-US"><tig><term>personal data</term></tig></langSet>
   <langSet xml:lang="zh-CN">
    <tig><term>个人数据</term><termNote
     type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>个人资料</term><termNote
     type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
   </langSet>
  </termEntry>
  <termEntry id="t2">
   <langSet xml:lang="en"><ntig><termGrp><term>Controller</term></termGrp></ntig></langSet>
   <langSet xml:lang="zh"><ntig><termGrp><term>控制者</term></termGrp></ntig>
    <ntig><termGrp><term>控制人</term><termNote
     type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig></langSet>
  </termEntry>
 </body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="en"><termSec><term>data subject</term></termSec></langSec>
   <langSec xml:lang="zh-Hans"><termSec><term>数据主体</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def test_tbx_v2_tig_and_ntig(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, "g.tbx", TBX_V2))
    entry = glossary.lookup("personal data")
    assert entry.zh == ("个人数据",) and entry.forbidden == ("个人资料",)
    assert "identified person" in entry.note
    assert glossary.lookup("controller").zh == ("控制者",)
    assert glossary.lookup("controller").forbidden == ("控制人",)


def test_tbx_v3(tmp_path: Path) -> None:
    assert load_glossary(write(tmp_path, "g.tbx", TBX_V3)).lookup("data subject").zh == (
        "数据主体",
    )


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("bad.yaml", "- en: x\n  zh: [unclosed\n", "invalid YAML at line"),
        ("bad.yaml", "- zh: 个人数据\n", "entry 1: entry has no English term"),
        ("bad.yaml", "- en: x\n  chinese: y\n", "unknown field(s) chinese"),
        ("bad.yaml", "just a string\n", "must be a list of entries"),
        ("empty.yaml", "[]\n", "glossary has no entries"),
        ("bad.csv", "term,chinese\nx,y\n", "needs a header row with an 'en' column"),
        ("bad.csv", "en,zh\nx,y,z\n", "line 2: more cells than header columns"),
        ("bad.tbx", "<martif><text><body><termEntry>", "invalid TBX/XML"),
        ("bad.tbx", "<root/>", "root element is <root>"),
        ("bad.tbx", '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x "boom">]>'
                    "<martif>&x;</martif>", "refusing to parse"),
        ("g.json", "{}", "unsupported glossary format '.json'"),
    ],
)  # fmt: skip
def test_bad_files_raise_load_error(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(LoadError) as info:
        load_glossary(path)
    assert str(info.value).startswith(str(path))
    assert problem in str(info.value)


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="cannot read glossary"):
        load_glossary(tmp_path / "absent.yaml")
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"en,zh\ncaf\xe9,caf\xe9\n")
    with pytest.raises(LoadError, match="not UTF-8"):
        load_glossary(path)


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n'
        + "".join(
            f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">\n'
            for i in range(10)
        )
        + "]>\n<martif>&l9;</martif>"
    )
    with pytest.raises(LoadError, match="refusing"):
        load_glossary(write(tmp_path, "bomb.tbx", bomb))


def test_entry_matching_rules() -> None:
    entry = GlossaryEntry("personal data", ("个人数据",), ("数据",))
    assert entry.in_english("the Personal Data's owner") and not entry.in_english(
        "personal datasets"
    )
    assert entry.forbidden_in("个人数据") == [] and entry.forbidden_in("数据") == ["数据"]
    strict = GlossaryEntry("Processor", ("处理者",), case_sensitive=True)
    assert strict.in_english("each Processor") and not strict.in_english("a processor")


@pytest.mark.parametrize(
    ("name", "text"), [("g.yaml", ""), ("g.csv", "\n"), ("g.tbx", "  "), ("g.yaml", "\ufeff\n")]
)
def test_an_empty_glossary_file_is_named_as_empty(tmp_path: Path, name: str, text: str) -> None:
    # -- bug: each reader blamed something else (no 'en' header, not a list, "Document is empty,
    # line 1") --
    path = write(tmp_path, name, text)
    with pytest.raises(LoadError, match="glossary file is empty"):
        load_glossary(path)


def test_plain_term_pairs_are_one_glossary_format(tmp_path):
    from dpa_compare.glossary.terms import read_term_pairs

    path = tmp_path / "terms.txt"
    path.write_text("# terms\ndata subject\t数据主体\nprocessor = 处理者\n\n", encoding="utf-8")
    assert read_term_pairs(path) == [("data subject", "数据主体"), ("processor", "处理者")]
    glossary = load_glossary(path)
    assert [(e.en, e.zh) for e in glossary.entries] == [
        ("data subject", ("数据主体",)),
        ("processor", ("处理者",)),
    ]
    path.write_text("data subject\n", encoding="utf-8")
    with pytest.raises(LoadError, match="line 1: expected 'english<TAB>chinese'"):
        read_term_pairs(path)


def test_the_tbx_reader_knows_nothing_of_glossaries():
    import ast
    import inspect

    from dpa_compare.glossary import tbx

    imported = {
        node.module
        for node in ast.walk(ast.parse(inspect.getsource(tbx)))
        if isinstance(node, ast.ImportFrom)
    }
    assert "dpa_compare.glossary.terms" not in imported
