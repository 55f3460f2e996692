"""Every (status, action) pair through the HTTP API: allowed ones move the application, the others are refused
and leave it (and its history) as it was."""

import itertools

import pytest

from getitong.recognition.models import RecognitionApplication, RecognitionEvent, RecognitionNotice
from getitong.recognition.workflow import (
    NOTICE_TRANSITIONS,
    TRANSITIONS,
    Action,
    AppStatus,
    NoticeAction,
    NoticeStatus,
)
from tests.recognition.factories import ADMIN, MP, complete_draft, move_to, notice, save, upload

STORED = [s for s in AppStatus if s is not AppStatus.DISCARDED]
PAIRS = list(itertools.product(STORED, Action))
OWNER_ACTIONS = {Action.SAVE, Action.SUBMIT, Action.CANCEL, Action.RESUBMIT}
REASONS = {Action.RETURN: {"reason": "请补充传承证明"}, Action.REFUSE: {"reason": "近两年有较重行政处罚"}}


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s.value}-{a.value}" for s, a in PAIRS])
async def test_application_pair_over_http(client, deps, tokens, shop, owner, status, action):
    nid = (await notice(client, tokens["preview"]))["id"]
    draft = await complete_draft(deps, nid, shop[0], owner)
    app_id = await move_to(client, tokens, nid, status.value, app_id=draft)
    events_before = await RecognitionEvent.filter(application_id=app_id).count()
    if action is Action.SAVE:
        images = await upload(client, tokens["owner"], 1)
        r = await save(client, tokens["owner"], nid, "declaration", {
            "subject_type": "craft", "subject_name": "手工港饼技艺", "highlights": "三代传承",
            "qualification_images": images})
    elif action in OWNER_ACTIONS:
        # One button submits a draft and resubmits a returned application.
        path = "cancel" if action is Action.CANCEL else "submit"
        r = await client.post(f"{MP}/notices/{nid}/application/{path}", token=tokens["owner"])
    else:
        r = await client.post(f"{ADMIN}/applications/{app_id}/{action.value}", token=tokens["preview"],
                              json=REASONS.get(action, {}))
    rule = TRANSITIONS.get((status, action))
    if action in (Action.SUBMIT, Action.RESUBMIT):
        rule = TRANSITIONS.get((status, Action.SUBMIT)) or TRANSITIONS.get((status, Action.RESUBMIT))
    row = await RecognitionApplication.get_or_none(id=app_id)
    if rule is None:
        expected = {
            # Staff never see a draft: it is the owner's own until it is submitted.
            Action.ACCEPT: "RECOGNITION_APPLICATION_NOT_FOUND" if status is AppStatus.DRAFT else None,
            Action.SUBMIT: "RECOGNITION_ALREADY_APPLIED", Action.RESUBMIT: "RECOGNITION_ALREADY_APPLIED",
        }.get(action) or ("RECOGNITION_APPLICATION_NOT_FOUND" if status is AppStatus.DRAFT and
                          action not in OWNER_ACTIONS else "RECOGNITION_ACTION_NOT_ALLOWED")
        assert r.code == expected, r
        assert r.status == (404 if expected.endswith("NOT_FOUND") else 409)
        assert row is not None
        assert row.status == status
        assert await RecognitionEvent.filter(application_id=app_id).count() == events_before
        return
    assert r.status == 200, r
    target = rule[0]
    if target is AppStatus.DISCARDED:
        assert row is None
        assert r.data["status"] == "discarded"
        assert await RecognitionEvent.filter(application_id=app_id).count() == 0
        return
    assert row.status == target
    assert r.data["status"] == target.value
    if action is Action.SAVE:
        assert r.data["data"]["declaration"]["subject_name"] == "手工港饼技艺"
        assert await RecognitionEvent.filter(application_id=app_id).count() == events_before
    else:
        last = await RecognitionEvent.filter(application_id=app_id).order_by("-id").first()
        assert (last.from_status, last.to_status) == (status.value, target.value)
        assert last.action in (action.value, Action.RESUBMIT.value, Action.SUBMIT.value)


NOTICE_PAIRS = list(itertools.product(NoticeStatus, NoticeAction))


async def _notice_in(client, token, status):
    data = await notice(client, token, publish=status is not NoticeStatus.DRAFT)
    if status in (NoticeStatus.CLOSED, NoticeStatus.WITHDRAWN):
        r = await client.post(f"{ADMIN}/notices/{data['id']}/{'close' if status is NoticeStatus.CLOSED else 'withdraw'}",
                              token=token)
        assert r.status == 200, r
    return data["id"]


@pytest.mark.parametrize(("status", "action"), NOTICE_PAIRS, ids=[f"{s.value}-{a.value}" for s, a in NOTICE_PAIRS])
async def test_notice_pair_over_http(client, tokens, status, action):
    nid = await _notice_in(client, tokens["preview"], status)
    if action is NoticeAction.EDIT:
        r = await client.patch(f"{ADMIN}/notices/{nid}", token=tokens["preview"], json={"title": "修改后的公告标题"})
    elif action is NoticeAction.DELETE:
        r = await client.request("DELETE", f"{ADMIN}/notices/{nid}", token=tokens["preview"])
    else:
        r = await client.post(f"{ADMIN}/notices/{nid}/{action.value}", token=tokens["preview"])
    row = await RecognitionNotice.get_or_none(id=nid)
    if (status, action) not in NOTICE_TRANSITIONS:
        assert (r.status, r.code) == (409, "RECOGNITION_NOTICE_ACTION_NOT_ALLOWED"), r
        assert row.status == status
        assert row.title != "修改后的公告标题"
        return
    assert r.status == 200, r
    target = NOTICE_TRANSITIONS[(status, action)]
    if target is None:
        assert row is None
    else:
        assert row.status == target
        assert r.data["status"] == target.value
