"""Read TBX termbases (TBX v2 / TBX-Basic `martif`, the older `ntig/termGrp` form, TBX v3) into
glossary entries.

Parsing is safe by construction: no entity expansion, no DTD loading, no
network; a document carrying an internal DTD subset or entity declarations
is refused outright. Elements are matched by local name, so namespaced
TBX v3 (`conceptEntry/langSec/termSec`) reads like v2
(`termEntry/langSet/tig`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dpa_compare.errors import LoadError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DEPRECATED = ("deprecatedterm", "supersededterm", "deprecated", "superseded", "notrecommended")


@dataclass(frozen=True)
class TbxTerm:
    """One English term of a TBX concept with the concept's Chinese terms and notes.

    `zh` are the accepted Chinese terms, `forbidden` the deprecated or
    superseded ones, `note` the concept's descriptions and notes joined by `; `.
    """

    en: str
    zh: tuple[str, ...]
    forbidden: tuple[str, ...]
    note: str


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(data: bytes, path: Path):  # noqa: ANN202
    from lxml import etree

    head = data.lower()
    doctype = head.split(b"<!doctype", 1)[1].split(b">", 1)[0] if b"<!doctype" in head else b""
    if b"<!entity" in head or b"[" in doctype:
        raise LoadError(path, "TBX file declares a DTD or entities; refusing to parse it")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LoadError(path, f"invalid TBX/XML: {exc.msg or exc}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and (list(dtd.iterentities()) or list(dtd.iterelements())):
        raise LoadError(path, "TBX file declares a DTD or entities; refusing to parse it")
    if _local(root.tag) not in ("martif", "tbx"):
        raise LoadError(
            path,
            f"not a TBX file: root element is <{_local(root.tag)}>, expected <martif> or <tbx>",
        )
    return root


def read_tbx(data: bytes, path: Path) -> list[TbxTerm]:
    """Return the English terms of the TBX document `data` read from `path`; LoadError when
    malformed."""
    root = _parse(data, path)
    entries = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        english: list[str] = []
        chinese: list[str] = []
        forbidden: list[str] = []
        for lang_set in concept:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()
            for term, deprecated in _terms(lang_set):
                if lang.startswith("en") and not deprecated:
                    english.append(term)
                elif lang.startswith("zh"):
                    (forbidden if deprecated else chinese).append(term)
        notes = [
            _text(e) for e in concept.iter() if _local(e.tag) in ("descrip", "note") and _text(e)
        ]
        for term in dict.fromkeys(english):
            entries.append(
                TbxTerm(
                    term,
                    tuple(dict.fromkeys(chinese)),
                    tuple(dict.fromkeys(forbidden)),
                    "; ".join(notes),
                )
            )
    return entries


def _terms(lang_set) -> list[tuple[str, bool]]:  # noqa: ANN001
    """Return (term, deprecated) for each term group (`tig`, `ntig`, `termSec`) of a language
    set."""
    found = []
    for group in lang_set.iter():
        if _local(group.tag) not in ("tig", "ntig", "termSec"):
            continue
        term = next((_text(e) for e in group.iter() if _local(e.tag) == "term"), "")
        status = " ".join(
            _text(e).lower()
            for e in group.iter()
            if _local(e.tag) in ("termNote", "termnote")
            and (e.get("type") or "").lower() in ("administrativestatus", "normativeauthorization")
        )
        if term:
            found.append(
                (
                    term,
                    any(mark in status.replace("-", "").replace(" ", "") for mark in _DEPRECATED),
                )
            )
    return found


def _text(element) -> str:  # noqa: ANN001
    return " ".join("".join(element.itertext()).split())


__all__ = ["TbxTerm", "read_tbx"]
