"""Bilingual glossaries: term lists read from YAML, CSV, TBX or plain pairs, and terms proposed
from a translation's own definitions.

`terms` holds the `Glossary` model and its readers, `tbx` the TBX termbase reader, `extract`
the proposer behind `dpa-compare glossary extract`. QA checks, the aligner and the diff read a
`Glossary`; none of them owns it.
"""
