"""Repairs of Chinese read by OCR: full-width punctuation and the space after a clause number."""

from __future__ import annotations

import pytest

from dpa_compare.lang.zh_ocr import restore_fullwidth, restore_label_space


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("双方应协助,并遵守本条", "双方应协助，并遵守本条"),
        ("包括:姓名;地址", "包括：姓名；地址"),
        ("是否适用?是!", "是否适用？是！"),
        ("条例(欧盟)的规定", "条例（欧盟）的规定"),
        ("条例（欧盟)（《通用条例》）", "条例（欧盟）（《通用条例》）"),
        ("Nimbus Labs，Inc.（一家公司）", "Nimbus Labs, Inc.（一家公司）"),
        ("金额为1,000美元，期限17:00", "金额为1,000美元，期限17:00"),
        ("见第(a)项和(ii)目", "见第(a)项和(ii)目"),
        ("see https://example.com/a,b for details", "see https://example.com/a,b for details"),
    ],
)
def test_restore_fullwidth(read, printed):
    assert restore_fullwidth(read) == printed


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("1.1“关联方”是指", "1.1 “关联方”是指"),
        ("7.定义", "7. 定义"),
        ("12.3数据", "12.3 数据"),
        ("2023年3月1日生效", "2023年3月1日生效"),
        ("30日内", "30日内"),
        ("5项措施", "5项措施"),
        ("1.1 “关联方”", "1.1 “关联方”"),
        ("5.个人数据的类别：", "5. 个人数据的类别："),
        ("(ii)所涉记录的类别", "(ii) 所涉记录的类别"),
        ("（一） 模块的适用如下：", "（一）模块的适用如下："),
        ("附件一处理详情", "附件一 处理详情"),
        ("附件三所列的分处理者，", "附件三所列的分处理者，"),
    ],
)
def test_restore_label_space(read, printed):
    assert restore_label_space(read) == printed


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("超过百分之五十(50%)的表决权", "超过百分之五十（50%）的表决权"),
        ("Lumenfield Al,Inc.(一家公司）", "Lumenfield Al, Inc.（一家公司）"),
        ("《加州民法典》§1798.100", "《加州民法典》§ 1798.100"),
        ("(ii) 所涉处理", "(ii) 所涉处理"),
        ("通知後三十(30)日內", "通知後三十（30）日內"),
        ("包括：(1)姓名", "包括：(1)姓名"),
    ],
)
def test_restore_fullwidth_after_a_noisy_scan(read, printed):
    assert restore_fullwidth(read) == printed
