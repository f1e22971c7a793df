"""The on-disk jieba dictionary cuts exactly as jieba's own dict does."""

from __future__ import annotations

import jieba

from dpa_compare.jieba_table import LazyFrequencies, open_table

SENTENCES = [
    "处理者应当在知悉个人数据泄露后七十二小时内通知控制者。",
    "分处理者的变更须提前三十日书面告知客户，客户可以提出异议。",
    "本附录自双方签署之日起生效，有效期至主协议终止时止。",
]
TERMS = ["个人数据泄露", "分处理者"]


def _cuts(tokenizer: jieba.Tokenizer) -> list[list[str]]:
    return [list(tokenizer.cut(s, HMM=False)) for s in SENTENCES]


def test_lazy_frequencies_cut_like_the_loaded_dictionary(tmp_path):
    loaded = jieba.Tokenizer()
    loaded.tmp_dir = str(tmp_path)
    table = open_table(tmp_path, loaded)
    assert table is not None and table.total == loaded.total
    lazy = jieba.Tokenizer()
    lazy.FREQ, lazy.total, lazy.initialized = LazyFrequencies(table), table.total, True
    assert _cuts(lazy) == _cuts(loaded)
    # -- added words land in a copy's overlay, as they would in dict(FREQ) --
    derived = jieba.Tokenizer()
    derived.FREQ, derived.total, derived.initialized = lazy.FREQ.copy(), lazy.total, True
    for term in TERMS:
        derived.add_word(term)
        loaded.add_word(term)
    assert _cuts(derived) == _cuts(loaded)
    assert "分处理者" in derived.FREQ and "分处理者" not in lazy.FREQ


def test_unusable_folder_gives_none(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert open_table(blocker / "cache", jieba.Tokenizer()) is None


def test_tokenize_falls_back_quietly_when_the_cache_folder_is_unusable(
    tmp_path, monkeypatch, capfd
):
    from dpa_compare import tokenize as tokenize_module

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DPA_COMPARE_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(tokenize_module, "_base_tokenizer", None)
    monkeypatch.setattr(tokenize_module, "_glossary_tokenizers", {})
    tokens = tokenize_module.tokenize(SENTENCES[0], "zh")
    assert "".join(tokens) == SENTENCES[0]
    assert isinstance(tokenize_module._base().FREQ, dict)
    assert capfd.readouterr().err == ""
