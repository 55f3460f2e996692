"""Whoever queries an appeal by code + password can open its photos and reply files without logging in,
through links signed for that appeal and file that expire; a changed or stale link opens nothing."""

from getitong.appeals import service
from tests.appeals.factories import MP, new_appeal, upload_mp


async def _queried(client, tokens):
    photos = await upload_mp(client, tokens["owner"], 2)
    created = await new_appeal(client, tokens["owner"], photos=photos)
    q = await client.post(f"{MP}/query", json={"code": created["query_code"], "password": created["query_password"]})
    assert q.status == 200, q
    return created, q.data


async def test_query_links_open_the_photos_without_login(client, tokens):
    _, view = await _queried(client, tokens)
    urls = [p["url"] for p in view["photos"]]
    assert len(urls) == 2
    assert all(u.startswith(f"{MP}/query-files/") for u in urls)
    assert [f["url"] for f in view["timeline"][0]["files"]] == urls  # the submit event shows the same links
    got = await client.get(urls[0], token="")
    assert got.status == 200
    assert got.body.startswith(b"\x89PNG")


async def test_changed_links_open_nothing(client, tokens):
    created, view = await _queried(client, tokens)
    url = view["photos"][0]["url"]
    appeal_id, file_id, expires, mac = url.rsplit("/", 1)[1].split(".")
    other_file = view["photos"][1]["id"]
    for token in (f"{appeal_id}.{other_file}.{expires}.{mac}",           # another file, same signature
                  f"{appeal_id}.{file_id}.{int(expires) + 9999}.{mac}",  # a later expiry
                  f"{appeal_id}.{file_id}.{expires}.{'0' * 32}", "x", "1.2.3"):
        r = await client.get(f"{MP}/query-files/{token}", token="")
        assert (r.status, r.code) == (404, "NOT_FOUND"), (token, r)


async def test_a_file_of_another_appeal_is_refused_even_when_signed(client, deps, tokens):
    first, _ = await _queried(client, tokens)
    second, view2 = await _queried(client, tokens)
    foreign = view2["photos"][0]["id"]
    token = service._sign_file(deps, first["id"], foreign, 4102444800)
    r = await client.get(f"{MP}/query-files/{token}", token="")
    assert (r.status, r.code) == (404, "NOT_FOUND")


async def test_stale_links_say_so(client, tokens, monkeypatch):
    monkeypatch.setattr(service, "QUERY_FILE_TTL", -1)
    _, view = await _queried(client, tokens)
    r = await client.get(view["photos"][0]["url"], token="")
    assert (r.status, r.code) == (410, "APPEAL_FILE_LINK_EXPIRED")
    assert r.message == "文件链接已过期，请重新查询"
