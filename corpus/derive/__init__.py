"""Helpers of corpus/build.py: parse the corpus Markdown and write its derived formats."""
