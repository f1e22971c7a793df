"""Word automatic numbering (numbering.xml), resolved to the labels Word shows.

A paragraph points at a numbering instance (`w:num`, by numId) and a level
(`ilvl`). The instance points at an abstract definition (`w:abstractNum`,
possibly indirectly through a numbering style: `w:numStyleLink` →
style → numId → abstractNum with the matching `w:styleLink`) and may override
levels (`w:lvlOverride`: a whole `w:lvl`, or just `w:startOverride`).

Counting follows Word, not a naive reading of the schema: the running counters
belong to the *abstract* definition, so two instances of the same abstractNum
continue one sequence; an instance that carries overrides restarts the levels
it overrides the first time it is used. A level restarts whenever an earlier
level is used, unless `w:lvlRestart` says otherwise (0: never; n: only after
levels 1..n). Labels substitute `%1`..`%9` in `w:lvlText` with each level's
counter in that level's format; `w:isLgl` forces all of them to decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dpa_compare.io.docx_numformat import format_number
from dpa_compare.io.docx_styles import NS, Styles, int_or_none, is_on, val, w

if TYPE_CHECKING:
    from lxml import etree

LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
MAX_LEVEL_TEXT = 64
"""Longest `w:lvlText` used, in characters (Word's own limit is far lower); the rest is cut, so a
hostile pattern like `%1.` repeated 100,000 times cannot blow every label up."""
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True)
class Level:
    """One level of a numbering definition, as `w:lvl` gives it.

    `start` is the first value (0 when `w:start` is absent, per ECMA-376);
    `restart` is `w:lvlRestart` (None: restart after any earlier level);
    `custom` is the `w:format` of a Word 2010 `custom` numFmt (`001, 002, …`).
    """

    num_fmt: str = "decimal"
    lvl_text: str = ""
    start: int = 0
    restart: int | None = None
    is_legal: bool = False
    p_style: str | None = None
    custom: str | None = None


@dataclass(frozen=True)
class Label:
    """What numbering gives one paragraph: `text` (None for bullets and empty labels) and its
    level."""

    text: str | None
    level: int
    bullet: bool


@dataclass(frozen=True)
class _Instance:
    abstract: str
    overrides: dict[int, Level]
    restarts: frozenset[int]


class Numbering:
    """The numbering definitions of one document plus Word's running counters.

    Call `label()` once per numbered paragraph, in document order.
    """

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId -> numbering style it defines
        self._num_style_link: dict[str, str] = {}  # abstractNumId -> numbering style it defers to
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()
        if root is not None:
            self._load(root)

    def _load(self, root: etree._Element) -> None:
        for abstract in root.iterfind("w:abstractNum", NS):
            key = abstract.get(w("abstractNumId"))
            if key is None:
                continue
            self._abstract[key] = {lvl: level for lvl, level in _levels(abstract)}
            if (link := val(abstract.find("w:styleLink", NS))) is not None:
                self._style_link[key] = link
            if (link := val(abstract.find("w:numStyleLink", NS))) is not None:
                self._num_style_link[key] = link
        for num in root.iterfind("w:num", NS):
            num_id, abstract_id = num.get(w("numId")), val(num.find("w:abstractNumId", NS))
            if num_id is None or abstract_id is None:
                continue
            overrides: dict[int, Level] = {}
            restarts: set[int] = set()
            for override in num.iterfind("w:lvlOverride", NS):
                ilvl = int_or_none(override.get(w("ilvl")))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                lvl = override.find("w:lvl", NS)
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
                    restarts.add(ilvl)
                start = int_or_none(val(override.find("w:startOverride", NS)))
                if start is not None:
                    base = overrides.get(ilvl)
                    overrides[ilvl] = (
                        replace(base, start=start) if base else Level(start=start, num_fmt="")
                    )
                    restarts.add(ilvl)
            self._instances[num_id] = _Instance(abstract_id, overrides, frozenset(restarts))

    def _resolve(self, abstract_id: str) -> str:
        """Return the abstractNum that really defines `abstract_id`'s levels (following
        numStyleLink)."""
        seen: set[str] = set()
        while abstract_id in self._num_style_link and abstract_id not in seen:
            seen.add(abstract_id)
            num_id = self._styles.numbering_style_num_id(self._num_style_link[abstract_id])
            instance = self._instances.get(num_id or "")
            if instance is None:
                break
            abstract_id = instance.abstract
        return abstract_id

    def knows(self, num_id: str | None) -> bool:
        """Return True when `num_id` names an instance whose definition exists (numId 0 never
        does)."""
        if not num_id or num_id == "0" or num_id not in self._instances:
            return False
        return self._resolve(self._instances[num_id].abstract) in self._abstract

    def level_of_style(self, num_id: str, style_id: str | None) -> int | None:
        """Return the level whose `w:pStyle` is `style_id` in instance `num_id`'s definition,
        else None."""
        if style_id is None or not self.knows(num_id):
            return None
        levels = self._abstract[self._resolve(self._instances[num_id].abstract)]
        return next(
            (lvl for lvl, level in sorted(levels.items()) if level.p_style == style_id), None
        )

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """Return the effective definition of level `ilvl` in instance `num_id` (overrides
        applied)."""
        instance = self._instances[num_id]
        base = self._abstract[self._resolve(instance.abstract)].get(ilvl)
        override = instance.overrides.get(ilvl)
        if override is None:
            return base
        if override.num_fmt == "" and base is not None:  # -- a bare startOverride --
            return replace(base, start=override.start)
        return override if override.num_fmt else replace(override, num_fmt="decimal")

    def label(self, num_id: str, ilvl: int) -> Label | None:
        """Advance the counters for one paragraph at (`num_id`, `ilvl`) and return its label.

        Returns None when `num_id` is unknown or 0 or the level is undefined.
        """
        if not self.knows(num_id):
            return None
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        current = self.level(num_id, ilvl)
        if current is None:
            return None
        key = self._resolve(self._instances[num_id].abstract)
        counters = self._counters.setdefault(key, [None] * LEVELS)
        if num_id not in self._seen:
            self._seen.add(num_id)
            for lvl in self._instances[num_id].restarts:
                counters[lvl] = None
        counters[ilvl] = current.start if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, LEVELS):
            level = self.level(num_id, deeper)
            restart = level.restart if level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if current.num_fmt == "bullet":
            return Label(None, ilvl, bullet=True)
        text = _PLACEHOLDER.sub(
            lambda m: self._render(num_id, int(m.group(1)) - 1, counters, current.is_legal),
            current.lvl_text,
        )
        return Label(text if text.strip() else None, ilvl, bullet=False)

    def _render(self, num_id: str, lvl: int, counters: list[int | None], legal: bool) -> str:
        level = self.level(num_id, lvl) or Level(start=1)
        value = counters[lvl] if counters[lvl] is not None else level.start
        fmt = level.num_fmt
        if legal and fmt not in ("bullet", "none"):
            fmt = "decimal"
        return format_number(value or 0, fmt, level.custom)


def _levels(abstract: etree._Element) -> list[tuple[int, Level]]:
    levels = []
    for lvl in abstract.iterfind("w:lvl", NS):
        ilvl = int_or_none(lvl.get(w("ilvl")))
        if ilvl is not None and 0 <= ilvl < LEVELS:
            levels.append((ilvl, _level(lvl)))
    return levels


def _level(lvl: etree._Element) -> Level:
    num_fmt = lvl.find("w:numFmt", NS)
    if num_fmt is None:
        # -- Word 2010 wraps custom formats in mc:AlternateContent; take the Choice --
        num_fmt = lvl.find(f"{{{_MC}}}AlternateContent/{{{_MC}}}Choice/w:numFmt", NS)
    fmt = val(num_fmt) or "decimal"
    if lvl.find("w:lvlPicBulletId", NS) is not None:
        fmt = "bullet"
    return Level(
        num_fmt=fmt,
        lvl_text=(val(lvl.find("w:lvlText", NS)) or "")[:MAX_LEVEL_TEXT],
        start=int_or_none(val(lvl.find("w:start", NS))) or 0,
        restart=int_or_none(val(lvl.find("w:lvlRestart", NS))),
        is_legal=bool(is_on(lvl.find("w:isLgl", NS))),
        p_style=val(lvl.find("w:pStyle", NS)),
        custom=val(num_fmt, "format") if num_fmt is not None else None,
    )


__all__ = ["LEVELS", "Label", "Level", "Numbering"]
