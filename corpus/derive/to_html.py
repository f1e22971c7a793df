"""Corpus blocks → an HTML page as a browser saves it from a vendor's legal site.

The DPA sits in `<main><article>` among the furniture a real page has: a
`<head>` with scripts, styles and meta tags, a skip link, a site header with
a `<nav>` menu, breadcrumbs, a cookie banner, an "On this page" aside and a
footer full of links. Section and sub-clause numbers are typed (`<h2>7.
Security Incidents</h2>`, `<p>7.1 …</p>`), as content management systems
store them; items and annex paragraphs are real ordered lists
(`<ol type="a">`, `<ol type="i">`, `<ol>`) whose numbers only a browser — or
a reader that counts like one — can see.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from derive.md_parse import MdBlock, inline_runs, plain

_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Lumenfield AI Legal</title>
<link rel="canonical" href="https://lumenfield.example/legal/dpa">
<link rel="stylesheet" href="/assets/site.3f9c2e.css">
<style>
  body {{ font-family: "Inter", Arial, sans-serif; margin: 0; color: #1d2230; }}
  .site-header, .site-footer {{ background: #10131c; color: #f4f5f8; padding: 1rem 2rem; }}
  .cookie-consent {{ position: fixed; bottom: 0; width: 100%; background: #fff7e0; }}
  article.legal-doc {{ max-width: 48rem; margin: 2rem auto; line-height: 1.55; }}
  article.legal-doc ol[type="a"] {{ list-style-type: lower-alpha; }}
  /* 1.1 Section numbers are typed in the CMS; lists are numbered by the browser. */
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() {{ dataLayer.push(arguments); }}
  gtag("js", new Date()); gtag("config", "G-LUMEN0001");
  var legalNotice = "1.1 This script text must never be read as a clause.";
</script>
<script src="/assets/consent.7b1a.js" defer></script>
</head>
<body>
<a class="skiplink" href="#content">Skip to main content</a>
<div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to keep you signed in and to measure how our legal pages are used.
  See our <a href="/legal/cookies">Cookie Notice</a>.</p>
  <button type="button" data-consent="accept">Accept all</button>
  <button type="button" data-consent="reject">Reject non-essential</button>
</div>
<header class="site-header">
  <a class="logo" href="/"><img src="/assets/lumenfield-logo.svg" alt="Lumenfield AI"></a>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/products">Products</a></li>
      <li><a href="/pricing">Pricing</a></li>
      <li><a href="/docs">Docs</a></li>
      <li><a href="/legal">Legal</a></li>
      <li><a href="/login">Sign in</a></li>
    </ul>
  </nav>
</header>
<div class="breadcrumbs" aria-label="Breadcrumb">
  <a href="/">Home</a> &rsaquo; <a href="/legal">Legal</a> &rsaquo; <span>{title}</span>
</div>
<main id="content">
<aside class="toc">
  <h2>On this page</h2>
  <ol>
{toc}
  </ol>
</aside>
<article class="legal-doc">
"""

_FOOT = """</article>
</main>
<footer class="site-footer">
  <div class="footer-links">
    <a href="/legal/terms">Terms of Service</a> &middot;
    <a href="/legal/privacy">Privacy Notice</a> &middot;
    <a href="/legal/subprocessors">Sub-processors</a> &middot;
    <a href="/legal/security">Security</a> &middot;
    <a href="mailto:privacy@lumenfield.example">Contact</a>
  </div>
  <p>&copy; Lumenfield AI, Inc. All rights reserved.</p>
</footer>
<script>
  document.querySelectorAll("[data-consent]").forEach(function (b) {
    b.addEventListener("click", function () { document.getElementById("cookie-banner").remove(); });
  });
</script>
</body>
</html>
"""


def build_html(blocks: Sequence[MdBlock]) -> bytes:
    """Return the UTF-8 bytes of the saved web page holding `blocks`."""
    title = next((plain(b.text) for b in blocks if b.kind == "title"), "Data Processing Addendum")
    toc = "\n".join(
        f'    <li><a href="#{_anchor(b)}">{html.escape(_heading_text(b))}</a></li>'
        for b in blocks
        if b.kind in ("section", "annex")
    )
    out = [_HEAD.format(title=html.escape(title), toc=toc)]
    lists = _Lists(out)
    first_paragraph = True
    for block in blocks:
        if block.kind in ("item", "subitem", "annex_paragraph"):
            lists.item(block)
            continue
        lists.close_to(0)
        if block.kind == "title":
            out.append(f"<h1>{_inline(block.text)}</h1>\n")
        elif block.kind in ("section", "annex"):
            out.append(
                f'<h2 id="{_anchor(block)}">{_inline(_heading_text(block, block.text))}</h2>\n'
            )
        elif block.kind == "clause":
            out.append(f'<p class="clause">{html.escape(block.marker)} {_inline(block.text)}</p>\n')
        elif block.kind == "table":
            out.append(_table(block))
        else:
            css = ' class="effective-date"' if first_paragraph else ""
            out.append(f"<p{css}>{_inline(block.text)}</p>\n")
            first_paragraph = False
    lists.close_to(0)
    out.append(_FOOT)
    return "".join(out).encode("utf-8")


class _Lists:
    """Open `<ol>` / `<li>` elements: items nest as `<ol type="a">` › `<li>` › `<ol type="i">`."""

    _TYPES = {"item": ' type="a"', "subitem": ' type="i"', "annex_paragraph": ""}
    _DEPTH = {"item": 1, "subitem": 2, "annex_paragraph": 1}

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.open: list[str] = []

    def item(self, block: MdBlock) -> None:
        depth = self._DEPTH[block.kind]
        self.close_to(depth)
        if len(self.open) == depth:
            self.out.append("</li>\n")
        else:
            self.out.append(f"<ol{self._TYPES[block.kind]}>\n")
            self.open.append(block.kind)
        self.out.append(f"<li>{_inline(block.text)}")

    def close_to(self, depth: int) -> None:
        while len(self.open) > depth:
            self.out.append("</li>\n</ol>\n")
            self.open.pop()


def _heading_text(block: MdBlock, text: str | None = None) -> str:
    shown = text if text is not None else plain(block.text)
    if block.kind == "annex":
        return f"{block.marker} – {shown}"
    return f"{block.marker} {shown}"


def _anchor(block: MdBlock) -> str:
    return f"annex-{block.number}" if block.kind == "annex" else f"section-{block.number}"


def _inline(text: str) -> str:
    parts = []
    for piece, bold, italic in inline_runs(text):
        escaped = html.escape(piece, quote=False)
        if italic:
            escaped = f"<em>{escaped}</em>"
        if bold:
            escaped = f"<strong>{escaped}</strong>"
        parts.append(escaped)
    return "".join(parts)


def _table(block: MdBlock) -> str:
    header, *body = block.rows
    head = "".join(f'<th scope="col">{_inline(cell)}</th>' for cell in header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>\n" for row in body
    )
    return (
        f'<table class="data-table">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n</table>\n"
    )


__all__ = ["build_html"]
