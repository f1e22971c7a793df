"""Translator notes and suppressed findings, and how they travel to a new English version.

`file` reads and writes a translation's notes file (YAML or CSV); `carry` follows each note
through renumbering and moves to the next version (kept, renumbered, re-opened or orphaned).
"""
