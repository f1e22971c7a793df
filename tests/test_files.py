"""`dpa_compare.files`: inputs checked before reading, outputs written atomically or refused in one
line."""

from __future__ import annotations

import errno
import os

import pytest

from dpa_compare import files
from dpa_compare.errors import LoadError, OutputError


@pytest.mark.parametrize(
    "code", [errno.EROFS, errno.ENOSPC, errno.EFBIG, errno.ENAMETOOLONG, errno.EACCES, errno.EDQUOT]
)
def test_every_os_error_while_writing_is_an_output_error_naming_the_path(
    tmp_path, monkeypatch, code
):
    target = tmp_path / "out.txt"

    def failing_replace(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "replace", failing_replace)
    with pytest.raises(OutputError, match=rf"^{target}: cannot be written \({os.strerror(code)}\)"):
        files.write_atomically(target, "text")
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_is_an_output_error(tmp_path, monkeypatch):
    def read_only(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(files.os, "open", read_only)
    with pytest.raises(OutputError, match="Read-only file system"):
        files.write_atomically(tmp_path / "out.txt", b"data")


def test_an_input_read_cannot_be_overwritten(tmp_path):
    source = tmp_path / "in.md"
    source.write_text("1. Clause.\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(source)
    files.read_input(source)
    for output in (source, link):
        with pytest.raises(OutputError, match="is one of the inputs"):
            files.write_atomically(output, "replaced")
    assert source.read_text(encoding="utf-8") == "1. Clause.\n"


def test_temporary_names_fit_the_name_limit(tmp_path):
    target = tmp_path / ("x" * 255)
    files.write_atomically(target, "ok")
    assert target.read_text(encoding="utf-8") == "ok"


def test_size_limit_per_kind_and_its_variable(tmp_path, monkeypatch):
    notes = tmp_path / "notes.yaml"
    notes.write_bytes(b"x" * 2048)
    monkeypatch.setenv("DPA_COMPARE_MAX_NOTES_MB", "0.001")
    with pytest.raises(LoadError, match="DPA_COMPARE_MAX_NOTES_MB"):
        files.read_input(notes, "notes")
    monkeypatch.setenv("DPA_COMPARE_MAX_NOTES_MB", "1")
    assert files.read_input(notes, "notes") == b"x" * 2048


def test_yaml_without_anchors_loads_and_with_them_is_refused(tmp_path):
    assert files.load_yaml("a: [1, 2]\nb: text\n", tmp_path / "n.yaml") == {
        "a": [1, 2],
        "b": "text",
    }
    with pytest.raises(LoadError, match="aliases"):
        files.load_yaml("a: &x [1]\nb: *x\n", tmp_path / "n.yaml")
