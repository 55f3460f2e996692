"""The shared PDF builder (getitong.common.pdf): a well-formed file whatever the content."""

from __future__ import annotations

import re
import zlib

from getitong.common.pdf import Document, wrap
from getitong.entities import license_qr


def _check_structure(pdf: bytes) -> int:
    """Every xref offset points at its object; returns the page count."""
    assert pdf.startswith(b"%PDF-1.4")
    assert pdf.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[start:start + 4] == b"xref"
    count = int(re.match(rb"xref\n0 (\d+)", pdf[start:]).group(1))
    entries = re.findall(rb"(\d{10}) 00000 n ", pdf[start:])
    assert len(entries) == count - 1
    for number, offset in enumerate(entries, start=1):
        assert pdf[int(offset):].startswith(b"%d 0 obj" % number)
    return int(re.search(rb"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)", pdf).group(1))


def test_multi_page_document_with_text_tables_and_images():
    doc = Document()
    page = doc.page()
    page.title("个体工商户登记申请书")
    page.rows([("名称", "黄石市下陆区穆静饺子馆"), ("经营范围", "许可项目：小餐饮；餐饮服务。" * 5)])
    page.paragraph("本人承诺提交材料真实有效。ABC 123")
    doc.image(page, license_qr.render_png("https://example.cn/x", box_size=2), 400, 100, 100, 100)
    second = doc.page()
    second.signature_block(["黄石市下陆区市场监督管理局", "2026年03月02日"])
    pdf = doc.render()
    assert _check_structure(pdf) == 2
    # The image stream inflates to width × height grey bytes.
    m = re.search(rb"/Width (\d+) /Height (\d+) .*?/Length (\d+) >>\nstream\n", pdf, re.S)
    w, h, n = (int(x) for x in m.groups())
    assert len(zlib.decompress(pdf[m.end():m.end() + n])) == w * h
    # Chinese text is written as UTF-16 hex strings for the Adobe-GB1 font.
    assert "个体工商户".encode("utf-16-be").hex().upper().encode() in pdf


def test_wrap_keeps_closing_punctuation_off_line_starts():
    lines = wrap("一二三四五，六七八九十。", 5)
    assert all(not line.startswith(("，", "。")) for line in lines)
    assert "".join(lines) == "一二三四五，六七八九十。"
