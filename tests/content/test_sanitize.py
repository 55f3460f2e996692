"""The rich-text cleaner: XSS vectors go, the editor's good markup stays."""

import pytest

from getitong.content.sanitize import clean_html, is_blank
from tests.api.conftest import login_staff

GOOD = ('<h2>第一条</h2><p>为<strong>促进</strong>个体工商户<em>发展</em>，<a href="https://www.gov.cn/x">原文</a>'
        '<a href="/api/v1/mp/laws/1/files/2">附件</a></p><ul><li>一</li></ul><ol start="3"><li>三</li></ol>'
        '<blockquote>引用</blockquote><img src="https://scjg.hubei.gov.cn/a.png" alt="图" width="300">'
        '<img src="/api/v1/mp/news/1/files/3" alt="本站图片">'
        '<table><thead><tr><th colspan="2">项目</th></tr></thead><tbody><tr><td rowspan="2">减免</td>'
        '<td>50%</td></tr></tbody></table>')


def test_good_markup_is_kept():
    out = clean_html(GOOD)
    for piece in ('<h2>第一条</h2>', '<strong>促进</strong>', '<em>发展</em>', 'href="https://www.gov.cn/x"',
                  'href="/api/v1/mp/laws/1/files/2"', '<ul><li>一</li></ul>', '<ol start="3">', '<blockquote>',
                  'src="https://scjg.hubei.gov.cn/a.png"', 'alt="图"', 'width="300"',
                  'src="/api/v1/mp/news/1/files/3"', '<th colspan="2">项目</th>', '<td rowspan="2">减免</td>'):
        assert piece in out, piece
    # Links open without handing the opener to the target page.
    assert out.count('rel="noopener noreferrer"') == 2


@pytest.mark.parametrize(("dirty", "gone", "kept"), [
    ('<p>前<script>alert(1)</script>后</p>', ["script", "alert"], "<p>前后</p>"),
    ('<img src="x.png" onerror="alert(1)">', ["onerror", "alert"], '<img src="x.png">'),
    ('<p onclick="steal()" onmouseover="x()">点我</p>', ["onclick", "onmouseover", "steal"], "<p>点我</p>"),
    ('<a href="javascript:alert(1)">链接</a>', ["javascript"], "链接</a>"),
    ('<a href="JaVaScRiPt:alert(1)">链接</a>', ["alert"], "链接</a>"),
    ('<a href="&#106;avascript:alert(1)">链接</a>', ["alert"], "链接</a>"),
    ('<a href=" javascript:alert(1)">链接</a>', ["alert"], "链接</a>"),
    ('<img src="data:text/html;base64,PHNjcmlwdD4=">', ["data:"], "<img>"),
    ('<a href="vbscript:msgbox(1)">x</a>', ["vbscript"], "x</a>"),
    ('<iframe src="https://evil.example/"></iframe><p>正文</p>', ["iframe", "evil"], "<p>正文</p>"),
    ('<object data="x.swf"></object><embed src="x.swf"><p>正文</p>', ["object", "embed", "swf"], "<p>正文</p>"),
    ('<div style="width: expression(alert(1))">块</div>', ["style", "expression"], "<div>块</div>"),
    ('<style>body{background:url(javascript:alert(1))}</style><p>正文</p>', ["style", "javascript"], "<p>正文</p>"),
    ('<svg onload="alert(1)"><script>alert(2)</script></svg><p>正文</p>', ["svg", "alert"], "<p>正文</p>"),
    ('<scr<script>ipt>alert(1)</scr</script>ipt>', ["<script", "<scr"], ""),
    ("<p><b><i>未闭合的标签", [], "<p><b><i>未闭合的标签</i></b></p>"),
    ('<p>a</div></span>b</p>', ["</div>", "</span>"], "<p>ab</p>"),
    ('<form action="https://evil"><input name="pwd"><button>提交</button></form>', ["form", "input", "button"],
     "提交"),
    ('<meta http-equiv="refresh" content="0;url=https://evil"><base href="https://evil/">正文',
     ["meta", "base", "evil"], "正文"),
    ('<!-- <script>alert(1)</script> -->正文', ["<!--", "script"], "正文"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>正文', ["math", "javascript"], "正文"),
])
def test_xss_vectors_are_removed(dirty, gone, kept):
    out = clean_html(dirty)
    for bad in gone:
        assert bad.lower() not in out.lower(), (bad, out)
    assert kept in out, out


def test_blank_detection():
    assert is_blank(clean_html("<script>alert(1)</script>"))
    assert is_blank(clean_html("<p> </p><br>"))
    assert not is_blank(clean_html("<p>字</p>"))
    assert not is_blank(clean_html('<img src="https://a/b.png">'))


async def test_rich_text_is_sanitized_on_save_and_served_clean(client, editor):
    token = await login_staff(client, "editor")
    dirty = '<p onclick="x()">通知<script>alert(1)</script></p><a href="javascript:alert(1)">详情</a>'
    r = await client.post("/api/v1/admin/laws", token=token, json={
        "title": "促进个体工商户发展条例", "body_html": dirty, "category": "administrative_regulation",
        "interpretation_html": '<p>解读<img src="x" onerror="alert(1)"></p><iframe src="https://e"></iframe>'})
    assert r.status == 201, r
    assert r.data["body_html"] == '<p>通知</p><a rel="noopener noreferrer">详情</a>'
    assert r.data["interpretation_html"] == '<p>解读<img src="x"></p>'
    law_id = r.data["id"]
    r = await client.patch(f"/api/v1/admin/laws/{law_id}", token=token,
                           json={"body_html": '<p>第一条<svg onload="alert(1)"></svg></p>'})
    assert r.data["body_html"] == "<p>第一条</p>"
    assert (await client.post(f"/api/v1/admin/laws/{law_id}/publish", token=token)).status == 200
    shown = await client.get(f"/api/v1/mp/laws/{law_id}")
    assert shown.data["body_html"] == "<p>第一条</p>"
    assert "onerror" not in shown.data["interpretation_html"]


async def test_body_that_sanitizes_to_nothing_cannot_be_published(client, editor):
    token = await login_staff(client, "editor")
    r = await client.post("/api/v1/admin/news", token=token, json={
        "title": "测试", "body_html": "<script>alert(1)</script>", "category": "notice"})
    assert r.status == 201
    assert r.data["body_html"] == ""
    r2 = await client.post(f"/api/v1/admin/news/{r.data['id']}/publish", token=token)
    assert (r2.status, r2.code) == (400, "CONTENT_BODY_EMPTY")
    assert (await client.get(f"/api/v1/admin/news/{r.data['id']}", token=token)).data["status"] == "draft"
