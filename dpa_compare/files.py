"""Reading inputs and writing outputs safely.

Inputs (`read_input`): regular files only — a FIFO, a device, a socket or a
folder is refused before anything is read, so `/dev/zero` or a pipe can
neither exhaust memory nor block. Each kind of input has a size limit
(`INPUT_LIMITS_MB`), raised with an environment variable
(`DPA_COMPARE_MAX_<KIND>_MB`). Every input read is remembered, so that an
output can never replace one.

Outputs (`write_atomically`): a temporary file in the target's folder, then a
rename. A symlink given as output is written through to its target. An output
that is the same file as an input (also through a symlink or a hard link) is
refused. Every OS error on the way (read-only file system, full disk, file
size limit, name too long, a parent that is a file, permission) becomes an
`OutputError` naming the path. Temporary files left behind by a killed run
(ours are named `.NAME.dpa-PID-RANDOM.tmp`) are removed by the next write to
the same folder once their process is gone.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import stat
import zipfile
from pathlib import Path
from typing import Any

from dpa_compare.errors import LoadError, OutputError

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Timestamp given to every entry of a zip package we write, so equal content gives equal bytes."""

INPUT_LIMITS_MB = {"document": 200, "glossary": 32, "notes": 32, "review": 200, "lines": 64}
"""Largest input of each kind accepted, in MB; `DPA_COMPARE_MAX_<KIND>_MB` raises (or lowers)
one."""

_INPUTS_READ: set[tuple[int, int]] = set()
"""(device, inode) of every input read by this process: outputs must not replace them."""

_TEMP_NAME = re.compile(r"^\..*\.dpa-(?P<pid>\d+)-[0-9a-f]{8}\.tmp$", re.DOTALL)
_TEMP_SUFFIX_BYTES = len(".dpa-4294967295-0123abcd.tmp") + 1


# -- inputs --------------------------------------------------------------------------------------


def input_limit(kind: str) -> int:
    """Return the size limit in bytes for inputs of `kind`, from its environment variable if set."""
    variable = limit_variable(kind)
    raw = os.environ.get(variable, "").strip()
    try:
        megabytes = float(raw) if raw else float(INPUT_LIMITS_MB[kind])
    except ValueError:
        raise LoadError(variable, f"must be a number of megabytes, got {raw!r}") from None
    return int(max(megabytes, 0) * 1024 * 1024)


def limit_variable(kind: str) -> str:
    """Return the environment variable that sets the size limit of `kind` inputs."""
    return f"DPA_COMPARE_MAX_{kind.upper()}_MB"


def check_input(path: str | Path, kind: str = "document") -> os.stat_result:
    """Return the status of input `path` once it is known to be a regular file within its limit.

    Raises `LoadError` naming the file when it is missing, a folder, a FIFO,
    a device or a socket, or larger than the limit of `kind`.
    """
    file = Path(path)
    what = {"document": "", "review": "cannot be read: "}.get(kind, f"cannot read {kind} file: ")
    try:
        status = os.stat(file)
    except FileNotFoundError:
        raise LoadError(file, f"{what}no such file") from None
    except OSError as error:
        raise LoadError(file, f"{what}{error.strerror or error}") from None
    if stat.S_ISDIR(status.st_mode):
        raise LoadError(file, f"is a directory, not a {kind} file")
    if not stat.S_ISREG(status.st_mode):
        raise LoadError(
            file, f"is not a regular file (a pipe, device or socket); give a {kind} file"
        )
    limit = input_limit(kind)
    if status.st_size > limit:
        raise LoadError(file, _too_large(status.st_size, limit, kind))
    return status


def read_input(path: str | Path, kind: str = "document") -> bytes:
    """Return the bytes of input `path` of `kind` ("document", "glossary", "notes", "review",
    "lines").

    Checks it first (`check_input`), reads no more than the limit even if the
    file grows meanwhile, and remembers it so no output replaces it.
    """
    file = Path(path)
    status = check_input(file, kind)
    limit = input_limit(kind)
    try:
        # -- O_NONBLOCK: should the file be swapped for a pipe after the check, open() must not
        #    block --
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise LoadError(file, f"is not a regular file; give a {kind} file")
            data = stream.read(limit + 1)
    except OSError as error:
        raise LoadError(file, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise LoadError(file, _too_large(len(data), limit, kind))
    remember_input(status)
    return data


def display_path(path: str | Path) -> str:
    """Return `path` as text that can always be written as UTF-8: bytes that are not UTF-8 become
    `\\xNN`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def remember_input(status: os.stat_result) -> None:
    """Record an input (its `os.stat` result) so that `write_atomically` refuses to replace it."""
    _INPUTS_READ.add((status.st_dev, status.st_ino))


def _too_large(size: int, limit: int, kind: str) -> str:
    return (
        f"the file is {size:,} bytes; the limit for a {kind} is {limit:,} "
        f"(set {limit_variable(kind)} to raise it)"
    )


def load_yaml(text: str, path: str | Path) -> Any:
    """Return the YAML document `text`, refusing anchors and aliases (an "alias bomb" expands
    exponentially).

    Raises `yaml.YAMLError` on bad YAML and `LoadError` naming `path` on an alias or anchor.
    """
    import yaml

    class _NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise LoadError(
                    path, f"YAML anchors and aliases (& and *) are not accepted (line {line})"
                )
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 -- a SafeLoader subclass


# -- outputs -------------------------------------------------------------------------------------


def write_atomically(path: str | Path, data: bytes | str) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename it into
    place.

    A crash or an error part-way leaves either the old file or none — never
    a half-written output. Text is written as UTF-8 (a lone surrogate from a
    non-UTF-8 file name becomes `?`). Raises `OutputError`
    naming `path` when it is an input of this run or cannot be written.
    """
    if str(path) == "":
        raise OutputError("''", "the output path is empty; give a file name, or '-' for stdout")
    # -- "replace": a file name with bytes that are not UTF-8 must not make the output unwritable --
    payload = data.encode("utf-8", "replace") if isinstance(data, str) else data
    target = _through_symlink(Path(path))
    refuse_input_as_output(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(path, f"its folder {_nearest_file(target.parent)} is a file") from None
    except OSError as error:
        raise OutputError(path, f"cannot create its folder ({_reason(error)})") from None
    _remove_stale_temps(target.parent)
    temp = _create_temp(target, path)
    try:
        with os.fdopen(temp[0], "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp[1], target)
    except OSError as error:
        _unlink_quietly(temp[1])
        raise OutputError(path, f"cannot be written ({_reason(error)})") from None
    except BaseException:
        _unlink_quietly(temp[1])
        raise


def refuse_input_as_output(path: str | Path) -> None:
    """Raise `OutputError` when `path` is (through symlinks and hard links too) an input read by
    this run."""
    try:
        status = os.stat(path)
    except OSError:
        return
    if (status.st_dev, status.st_ino) in _INPUTS_READ:
        raise OutputError(
            path, "is one of the inputs; refusing to overwrite it (choose another -o)"
        )


def same_file(first: str | Path, second: str | Path) -> bool:
    """Return True when both paths exist and are the same file (symlinks followed, hard links
    too)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def _through_symlink(path: Path) -> Path:
    """Return the file a symlinked output points to (written through), else `path` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _create_temp(target: Path, shown: str | Path) -> tuple[int, str]:
    """Return (descriptor, name) of a new temporary file beside `target`, its name within
    NAME_MAX."""
    folder = target.parent
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        name_max = 255
    stem = os.fsencode(target.name)[: max(name_max - _TEMP_SUFFIX_BYTES, 1)]
    for _attempt in range(20):
        name = os.fsdecode(b"." + stem + f".dpa-{os.getpid()}-{secrets.token_hex(4)}.tmp".encode())
        temp = folder / name
        try:
            # -- mode 0o666 minus the umask: the mode a plain open() would give the output --
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(temp)
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(shown, f"cannot be written ({_reason(error)})") from None
    raise OutputError(shown, "cannot create a temporary file beside it")


def _remove_stale_temps(folder: Path) -> None:
    """Remove our temporary files in `folder` whose process no longer runs (a killed earlier
    run)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMP_NAME.match(name)
        if match and not _process_alive(int(match["pid"])):
            _unlink_quietly(folder / name)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _nearest_file(folder: Path) -> Path:
    """Return the first ancestor of `folder` that exists but is not a folder (the reason mkdir
    failed)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return folder


def _unlink_quietly(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        Path(path).unlink(missing_ok=True)


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def reproducible_zip(data: bytes) -> bytes:
    """Return the zip `data` rewritten with fixed timestamps and modes, entries in their original
    order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def cache_dir() -> Path | None:
    """Return the per-user cache folder, or None when caching is off (`DPA_COMPARE_CACHE=off`).

    `$DPA_COMPARE_CACHE` when set, else `$XDG_CACHE_HOME/dpa_compare`, else
    `~/.cache/dpa_compare`: one place for every parsed resource kept between
    runs (the encoder's tokenizer, CC-CEDICT, jieba's dictionary table).
    """
    configured = os.environ.get("DPA_COMPARE_CACHE", "")
    if configured.lower() in ("off", "0", "no", "false"):
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dpa_compare"


__all__ = [
    "cache_dir",
    "INPUT_LIMITS_MB",
    "ZIP_DATE",
    "check_input",
    "display_path",
    "input_limit",
    "limit_variable",
    "load_yaml",
    "read_input",
    "refuse_input_as_output",
    "remember_input",
    "reproducible_zip",
    "same_file",
    "write_atomically",
]
