"""`dpa-compare history`: keep every version of a document, compare any two, follow one clause."""

from __future__ import annotations

import sys

import click

from dpa_compare.cli.options import format_option, lang_option, output_option
from dpa_compare.cli.output import CONTEXT, emit, progress, to_json

__all__ = ["COMMANDS", "history_group"]

_db_option = click.option(
    "--db",
    default=None,
    type=click.Path(dir_okay=False),
    help="History database (default: $DPA_COMPARE_DB, else "
    "~/.local/share/dpa-compare/history.sqlite3).",
)
"""`--db PATH`, the same on every history subcommand."""


def _store(db: str | None, create: bool = False):  # noqa: ANN202 -- a HistoryStore; imported lazily
    from dpa_compare.store import HistoryStore

    return HistoryStore.open(db, create=create)


@click.group("history", context_settings=CONTEXT)
def history_group() -> None:
    """Store versions of a document under a name, then compare them or follow one clause.

    \b
    Example:
      dpa-compare history add acme-dpa corpus/en/dpa-2023-03.md --version 2.0 --date 2023-03-01
      dpa-compare history add acme-dpa corpus/en/dpa-2024-09.md --version 3.0 --date 2024-09-01
      dpa-compare history diff acme-dpa 2.0 3.0
      dpa-compare history clause acme-dpa 5.3
    """


@history_group.command("add", context_settings=CONTEXT)
@click.argument("name")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--version", "label", required=True, help="Version label, e.g. 2.0 or 2024-09.")
@click.option("--date", default=None, help="ISO date of the version, e.g. 2024-09-01.")
@lang_option("Language of FILE; auto detects it from the script.")
@_db_option
@format_option()
def add_command(
    name: str, file: str, label: str, date: str | None, lang: str, db: str | None, fmt: str
) -> None:
    """Read FILE and store it as version --version of the document NAME.

    The write is one transaction: an interrupted add stores nothing. Adding
    content already stored under NAME (same sha256) is refused (exit 2).

    \b
    Example:
      dpa-compare history add acme-dpa corpus/en/dpa-2024-09.md --version 3.0 --date 2024-09-01
    """
    from dpa_compare.api import load

    _check_date(date)
    document = load(file, lang=lang, version=label, date=date)
    with _store(db, create=True) as store:
        record = store.add(name, document, label, date)
    if fmt == "json":
        emit(to_json({"db": str(store.path), "version": record.to_dict()}), None)
    else:
        emit(
            f"stored {file} as version {record.label} of {name} ({record.clause_count} clauses) in "
            f"{store.path}",
            None,
        )


@history_group.command("list", context_settings=CONTEXT)
@click.argument("name")
@_db_option
@format_option()
def list_command(name: str, db: str | None, fmt: str) -> None:
    """List the stored versions of NAME in the order they were added.

    \b
    Example:
      dpa-compare history list acme-dpa --format json
    """
    with _store(db) as store:
        records = store.versions(name)
    if fmt == "json":
        emit(to_json({"name": name, "versions": [r.to_dict() for r in records]}), None)
        return
    lines = [
        f"{r.seq:>3}  {r.label:<12} {r.date or '-':<10}  {r.lang}  {r.clause_count:>5} clauses  "
        f"{r.sha256[:12]}  {r.source}"
        for r in records
    ]
    emit("\n".join(lines) + "\n", None)


@history_group.command("diff", context_settings=CONTEXT)
@click.argument("name")
@click.argument("old_version")
@click.argument("new_version")
@_db_option
@format_option(
    "text: a readable redline; json: the same contract as `dpa-compare diff --format json`."
)
@output_option()
def diff_command(
    name: str, old_version: str, new_version: str, db: str | None, fmt: str, output: str | None
) -> None:
    """Compare two stored versions of NAME, exactly as `dpa-compare diff` compares two files.

    \b
    Example:
      dpa-compare history diff acme-dpa 2.0 3.0 --format json
    """
    from dpa_compare.diff import diff
    from dpa_compare.diff.render import diff_json, diff_text

    with _store(db) as store:
        old, new = store.document(name, old_version), store.document(name, new_version)
    result = diff(old, new)
    if fmt == "json":
        emit(diff_json(result), output)
    else:
        emit(diff_text(result, colour=output in (None, "-") and sys.stdout.isatty()), output)


@history_group.command("clause", context_settings=CONTEXT)
@click.argument("name")
@click.argument("label")
@click.option(
    "--at",
    "at",
    default=None,
    metavar="VERSION",
    help="The version in which LABEL is the clause's citation (default: the latest that has it).",
)
@_db_option
@format_option()
def clause_command(name: str, label: str, at: str | None, db: str | None, fmt: str) -> None:
    """Show one clause of NAME across every version: added, changed (with redline), renumbered,
    moved, deleted.

    The clause is followed through renumbering and moves by matching
    consecutive versions, so `7.2` in the latest version shows where it was
    `6.2` before.

    \b
    Example:
      dpa-compare history clause acme-dpa 5.3 --format json
    """
    from dpa_compare.diff.lineage import clause_history

    with _store(db) as store:
        documents = [document for _, document in store.documents(name)]
    with progress(f"following {label} through {len(documents)} versions"):
        history = clause_history(documents, label, at)
    emit(
        to_json({"name": name, **history.to_dict()})
        if fmt == "json"
        else history_text(name, history),
        None,
    )


def history_text(name: str, history) -> str:  # noqa: ANN001 -- a ClauseHistory
    from dpa_compare.diff.summary import short_redline

    lines = [f"{name}: clause {history.label} (as cited in version {history.found_in})"]
    if history.resolved_label and history.resolved_label != history.label:
        lines[0] += f" — resolved to {history.resolved_label} (id {history.resolved_id})"
    for event in history.events:
        where = (
            event.label
            if event.previous_label in ("", event.label)
            else f"{event.previous_label} → {event.label}"
        )
        if event.kind == "deleted":
            where = event.previous_label
        notes = " (cross-reference follows renumbering)" if event.xref_only else ""
        notes += " (typographic change only)" if event.cosmetic else ""
        lines.append(f"  {event.version}: {event.kind} {where}{notes}")
        if event.redline and (
            event.kind not in ("unchanged", "renumbered", "moved")
            or event.xref_only
            or event.cosmetic
        ):
            lines.append(f"      {short_redline(event.redline, context=60)}")
    return "\n".join(lines) + "\n"


def _check_date(date: str | None) -> None:
    import datetime

    if date is None:
        return
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise click.BadParameter(
            f"{date!r} is not an ISO date (YYYY-MM-DD)", param_hint="--date"
        ) from None


COMMANDS = [history_group]
