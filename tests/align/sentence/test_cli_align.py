"""`dpa-compare align --lines`: output format, coverage, errors."""

import json

from click.testing import CliRunner

from dpa_compare.cli.align import align_command

ZH = "双方于2023年签订本协议。\n处理者应在72小时内通知控制者。\n本协议适用GDPR。\n"
EN = (
    "The parties signed this Agreement in 2023.\nThe Processor shall notify the Controller within "
    "72 hours.\nIt lists three reasons.\nThis Agreement is subject to the GDPR.\n"
)


def _files(tmp_path):
    (tmp_path / "a.zh").write_text(ZH, encoding="utf-8")
    (tmp_path / "a.en").write_text(EN, encoding="utf-8")
    return str(tmp_path / "a.zh"), str(tmp_path / "a.en")


def test_lines_mode_prints_beads_covering_every_line(tmp_path):
    src, tgt = _files(tmp_path)
    result = CliRunner().invoke(align_command, ["--lines", src, tgt, "--embeddings", "off"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line]
    assert all(line.startswith("[") and "]:[" in line for line in lines)
    src_ids = [int(x) for line in lines for x in line.split(":")[0].strip("[]").split(",") if x]
    tgt_ids = [int(x) for line in lines for x in line.split(":")[1].strip("[]").split(",") if x]
    assert src_ids == [0, 1, 2] and tgt_ids == [0, 1, 2, 3]
    assert lines[0] == "[0]:[0]"


def test_json_format_lists_scorers(tmp_path):
    src, tgt = _files(tmp_path)
    result = CliRunner().invoke(
        align_command, ["--lines", src, tgt, "--format", "json", "--embeddings", "off"]
    )
    data = json.loads(result.stdout)
    assert data["src"]["lang"] == "zh" and data["tgt"]["lang"] == "en"
    assert "length" in data["scorers"]
    assert all(0 <= b["confidence"] <= 1 for b in data["beads"])


def test_beads_without_lines_is_a_usage_error(tmp_path):
    src, tgt = _files(tmp_path)
    result = CliRunner().invoke(align_command, [src, tgt, "--format", "beads"])
    assert result.exit_code == 2
    assert "--lines" in result.output


def test_bad_file_is_named(tmp_path):
    src, _ = _files(tmp_path)
    bad = tmp_path / "bin.en"
    bad.write_bytes(b"\xff\xfe\x00\x01")
    result = CliRunner().invoke(align_command, ["--lines", src, str(bad)])
    assert result.exit_code != 0
    assert "bin.en" in str(result.exception)


def test_align_score_scores_a_folder_against_gold(tmp_path):
    from dpa_compare.cli.align import score_command

    (tmp_path / "sys").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "sys" / "001.align").write_text("[0]:[0]\n[1]:[1,2]\n[2]:[]\n", encoding="utf-8")
    (tmp_path / "gold" / "001.gold").write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n", encoding="utf-8")
    result = CliRunner().invoke(
        score_command, [str(tmp_path / "sys"), str(tmp_path / "gold"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    # -- strict: 1 of 3 system beads exact, 1 of 3 gold beads found; lax: [1]:[1,2] links (1,1) --
    assert (scores["strict_p"], scores["strict_r"]) == (round(1 / 3, 4), round(1 / 3, 4))
    assert (scores["lax_p"], scores["lax_r"]) == (round(2 / 3, 4), round(2 / 3, 4))


def test_lines_folders_write_one_bead_file_per_pair(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("001", "002"):
        (data / f"{name}.zh").write_text(ZH, encoding="utf-8")
        (data / f"{name}.en").write_text(EN, encoding="utf-8")
    (data / "003.zh").write_text(ZH, encoding="utf-8")  # -- no English partner: not aligned --
    out = tmp_path / "out"
    args = ["--lines", str(data), str(data), "--src-lang", "zh", "--tgt-lang", "en"]
    result = CliRunner().invoke(align_command, [*args, "--embeddings", "off", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["001.align", "002.align"]
    single = CliRunner().invoke(
        align_command,
        ["--lines", str(data / "001.zh"), str(data / "001.en"), "--embeddings", "off"],
    )
    assert (out / "001.align").read_text(encoding="utf-8") == single.stdout


def test_lines_folders_need_an_output_folder_and_languages(tmp_path):
    result = CliRunner().invoke(align_command, ["--lines", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and "-o DIR" in result.output
    result = CliRunner().invoke(
        align_command, ["--lines", str(tmp_path), str(tmp_path), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "--src-lang" in result.output


def test_documents_refuse_folders(tmp_path):
    result = CliRunner().invoke(align_command, [str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and "folders are for --lines" in result.output


def test_output_folder_for_one_pair_is_a_usage_error(tmp_path):
    src, tgt = _files(tmp_path)
    result = CliRunner().invoke(align_command, ["--lines", src, tgt, "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output
