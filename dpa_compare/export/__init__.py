"""Writers that turn dpa_compare's records (or test material) into files for other tools.

Each module writes one format; `numbered_docx` writes Word documents whose
clause numbers are genuine Word automatic numbering.
"""
