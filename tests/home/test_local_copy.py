"""Each API process keeps the home replies it served in memory (home/local.py) and drops them when a change
is heard: at once in the process that made it, through Redis pub/sub in the others."""

from __future__ import annotations

import asyncio

import pytest
from sanic import Sanic

from getitong.app import create_app
from getitong.home.local import LocalHome
from tests.client import ApiClient, stop_app
from tests.conftest import STACK
from tests.home.test_home import APPS, DEFAULTS, HOME, _token


def test_a_copy_is_kept_only_while_trusted_and_unchanged():
    copy = LocalHome()
    copy.keep(1, 10, b"a", copy.generation)
    assert copy.get(1, 10) is None  # not subscribed yet: nothing kept
    copy.set_trusted(True)
    generation = copy.generation
    copy.changed("b:99")  # a change heard while the reply was being read
    copy.keep(1, 10, b"a", generation)
    assert copy.get(1, 10) is None
    copy.keep(1, 10, b"a", copy.generation)
    assert copy.get(1, 10) == b"a"
    copy.set_trusted(False)  # the subscription dropped
    assert copy.get(1, 10) is None


def test_changes_drop_exactly_what_they_touch():
    copy = LocalHome()
    copy.set_trusted(True)
    for person, business in ((1, 10), (1, 11), (2, 10), (3, None)):
        copy.keep(person, business, f"{person}/{business}".encode(), copy.generation)
    copy.changed("b:10")
    assert (copy.get(1, 10), copy.get(2, 10)) == (None, None)
    assert copy.get(1, 11) == b"1/11"
    copy.changed("p:1")
    assert copy.get(1, 11) is None
    assert copy.get(3, None) == b"3/None"
    copy.changed("g")
    assert len(copy) == 0


def test_copies_expire_and_the_size_is_bounded():
    copy = LocalHome(max_entries=2, ttl=0)
    copy.set_trusted(True)
    copy.keep(1, 1, b"x", copy.generation)
    assert copy.get(1, 1) is None  # ttl 0: expired at once
    bounded = LocalHome(max_entries=2)
    bounded.set_trusted(True)
    for n in range(3):
        bounded.keep(n, n, b"x", bounded.generation)
    assert len(bounded) == 1  # cleared when full, then the newest kept


@pytest.mark.skipif(STACK != "postgres", reason="the in-memory copy runs with Redis only")
async def test_a_change_in_one_process_reaches_the_copy_of_another(client, app, settings, owner):
    Sanic.test_mode = True
    other_app = create_app(settings, manage_db=False)
    other = ApiClient(other_app)
    try:
        token = await _token(client)
        first = await other.get(HOME, token=token)  # served, then kept, by the other process
        assert [a["code"] for a in first.data["apps"]] == DEFAULTS
        copy: LocalHome = other_app.ctx.deps.memo["home_local"]
        for _ in range(100):  # its listener subscribes in the background
            if copy.trusted:
                break
            await asyncio.sleep(0.02)
        await other.get(HOME, token=token)
        assert len(copy) == 1

        chosen = ["news", *DEFAULTS]
        saved = await client.request("PUT", APPS, token=token, json={"apps": chosen})  # this process
        assert saved.status == 200, saved
        for _ in range(100):
            if len(copy) == 0:
                break
            await asyncio.sleep(0.02)
        assert len(copy) == 0
        again = await other.get(HOME, token=token)
        assert [a["code"] for a in again.data["apps"]] == chosen
    finally:
        await stop_app(other_app)
        await other_app.ctx.deps.cache.close()


@pytest.mark.skipif(STACK != "postgres", reason="the in-memory copy runs with Redis only")
async def test_the_writing_process_drops_its_copy_before_it_answers(client, app, owner):
    token = await _token(client)
    await client.get(HOME, token=token)
    copy: LocalHome = app.ctx.deps.memo["home_local"]
    for _ in range(100):
        if copy.trusted:
            break
        await asyncio.sleep(0.02)
    await client.get(HOME, token=token)
    assert len(copy) == 1
    await client.request("PUT", APPS, token=token, json={"apps": ["news", *DEFAULTS]})
    assert len(copy) == 0  # no waiting: dropped in the same process before the reply
    assert (await client.get(HOME, token=token)).data["apps"][0]["code"] == "news"
