"""The per-user cache of parsed resources: built once, read back, rebuilt when broken, or off."""

from dpa_compare.align.evidence.cache import cache_dir, cached, source_key


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("DPA_COMPARE_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"数据": "/data/"}

    assert cached("demo", "k1", build) == {"数据": "/data/"}
    assert cached("demo", "k1", build) == {"数据": "/data/"}
    assert len(calls) == 1
    cached("demo", "k2", build)  # -- another key (a changed source file) is parsed again --
    assert len(calls) == 2


def test_a_broken_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DPA_COMPARE_CACHE", str(tmp_path))
    cached("demo", "k", lambda: 1)
    for path in tmp_path.iterdir():
        path.write_bytes(b"not a pickle")
    assert cached("demo", "k", lambda: 2) == 2


def test_off_disables_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DPA_COMPARE_CACHE", "off")
    assert cache_dir() is None
    assert cached("demo", "k", lambda: 3) == 3


def test_source_key_follows_the_file(tmp_path):
    path = tmp_path / "source.txt"
    path.write_text("one", encoding="utf-8")
    first = source_key(path)
    path.write_text("one more", encoding="utf-8")
    assert source_key(path) != first
