"""TMX 1.4b export of a clause alignment: one translation unit per link with text on both sides.

    >>> Path("dpa.tmx").write_bytes(to_tmx(alignment))

The file is deterministic — no creation date, units numbered in document
order — so the same alignment always gives the same bytes. Each `<tu>`
carries the clause citations of both sides and the link's confidence as
`<prop>`s (`x-en-labels`, `x-zh-labels`, `x-confidence`, `x-shape`, and
`x-flagged` when a person should look at it), and the evidence as a
`<note>`. 1-0 and 0-1 links, and links whose text is empty on one side (a
bare `Article 7` label), have nothing to pair and are left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from dpa_compare.align.clause import link_refs, link_text
from dpa_compare.model import Alignment, Link

TMX_VERSION = "1.4"
EN_LANG = "en"
ZH_LANG = "zh-CN"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry; they are dropped from segments."""


def to_tmx(alignment: Alignment, tool_version: str | None = None) -> bytes:
    """Return `alignment` as a TMX 1.4b document (UTF-8 bytes).

    `tool_version` is written as `creationtoolversion` (default: the
    installed dpa_compare version).
    """
    root = ET.Element("tmx", {"version": TMX_VERSION})
    root.append(_header(alignment, tool_version))
    body = ET.SubElement(root, "body")
    number = 0
    for link in alignment.links:
        en_text, zh_text = (
            _clean(link_text(alignment, link, "en")),
            _clean(link_text(alignment, link, "zh")),
        )
        if not en_text or not zh_text:
            continue
        number += 1
        body.append(_unit(alignment, link, number, en_text, zh_text))
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _header(alignment: Alignment, tool_version: str | None) -> ET.Element:
    if tool_version is None:
        from dpa_compare import __version__

        tool_version = __version__
    header = ET.Element(
        "header",
        {
            "creationtool": "dpa-compare",
            "creationtoolversion": tool_version,
            "segtype": "paragraph",
            "o-tmf": "dpa-compare",
            "adminlang": "en",
            "srclang": EN_LANG,
            "datatype": "plaintext",
        },
    )
    for name, value in (
        ("x-en-source", alignment.en.source),
        ("x-en-sha256", alignment.en.sha256),
        ("x-zh-source", alignment.zh.source),
        ("x-zh-sha256", alignment.zh.sha256),
        ("x-scorers", " ".join(alignment.scorers)),
    ):
        if value:
            _prop(header, name, value)
    return header


def _unit(alignment: Alignment, link: Link, number: int, en_text: str, zh_text: str) -> ET.Element:
    unit = ET.Element("tu", {"tuid": str(number)})
    if link.evidence:
        ET.SubElement(unit, "note").text = _clean("; ".join(link.evidence))
    _prop(unit, "x-en-labels", " + ".join(link_refs(alignment, link, "en")))
    _prop(unit, "x-zh-labels", " + ".join(link_refs(alignment, link, "zh")))
    _prop(unit, "x-confidence", f"{link.confidence:.3f}")
    _prop(unit, "x-shape", link.shape)
    if link.flagged:
        _prop(unit, "x-flagged", "true")
    for lang, text in ((EN_LANG, en_text), (ZH_LANG, zh_text)):
        variant = ET.SubElement(unit, "tuv", {_XML_LANG: lang})
        ET.SubElement(variant, "seg").text = text
    return unit


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", {"type": kind}).text = _clean(value)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


__all__ = ["EN_LANG", "TMX_VERSION", "ZH_LANG", "to_tmx"]
