"""`check --list-checks` and the check renderers read the registry, not copies of it."""

from dataclasses import replace

import dpa_compare.qa.previous as previous
from dpa_compare.qa.registry import CHECKS
from dpa_compare.qa.render import list_checks_text
from dpa_compare.qa.runner import available_checks


def _listed() -> dict[str, tuple[str, str]]:
    rows = [line.split(maxsplit=2) for line in list_checks_text().splitlines()]
    return {name: (severity, title) for name, severity, title in rows}


def test_every_registered_check_is_listed_with_its_severity_and_title():
    listed = _listed()
    for check in available_checks().values():
        assert listed[check.name] == (check.severity, check.title)


def test_a_severity_changed_in_the_registry_is_what_the_list_shows(monkeypatch):
    name, check = next(iter(available_checks().items()))
    other = "minor" if check.severity != "minor" else "critical"
    monkeypatch.setitem(CHECKS, name, replace(check, severity=other))
    assert _listed()[name][0] == other


def test_the_previous_version_checks_are_listed_from_their_module(monkeypatch):
    listed = _listed()
    for name, (severity, title) in previous.PREVIOUS_VERSION_CHECKS.items():
        assert listed[name] == (severity, f"{title} (needs --previous-*).")
    monkeypatch.setitem(
        previous.PREVIOUS_VERSION_CHECKS, "unprompted_change", ("major", "Chinese moved alone")
    )
    assert _listed()["unprompted_change"] == ("major", "Chinese moved alone (needs --previous-*).")
