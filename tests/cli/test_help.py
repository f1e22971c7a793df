"""Every command and sub-command has --help with an example, and README shows every command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dpa_compare.cli import _register_commands, cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands() -> list[tuple[str, ...]]:
    _register_commands()
    found: list[tuple[str, ...]] = []

    def walk(group: click.Group, prefix: tuple[str, ...]) -> None:
        for name, command in sorted(group.commands.items()):
            found.append((*prefix, name))
            if isinstance(command, click.Group):
                walk(command, (*prefix, name))

    walk(cli, ())
    return found


@pytest.mark.parametrize("words", _commands(), ids=" ".join)
def test_command_has_help_with_an_example(words):
    result = CliRunner().invoke(cli, [*words, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"dpa-compare {' '.join(words)} --help shows no example"


@pytest.mark.parametrize("words", [w for w in _commands() if len(w) == 1], ids=" ".join)
def test_readme_shows_the_command(words):
    assert f"dpa-compare {words[0]}" in README.read_text(encoding="utf-8")
