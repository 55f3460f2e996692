"""Send-back, out-of-scope replies, notifications that must not fail the staff, lists, counts, Excel."""

import asyncio
import io

from openpyxl import load_workbook

from getitong.appeals import service
from getitong.appeals.models import Appeal
from getitong.core.models import AuditLog
from getitong.integrations.wechat import WechatClient
from tests.appeals.factories import ADMIN, MP, move_to, new_appeal


async def test_unit_sends_back_with_a_reason(client, tokens, tree):
    appeal_id = await move_to(client, tokens, "transferred", tree.station.id)
    r = await client.post(f"{ADMIN}/{appeal_id}/send-back", token=tokens["unit"],
                          json={"reason": "该商户不在本所辖区"})
    assert r.status == 200, r
    assert (r.data["status_label"], r.data["visible"]) == ("已受理", False)
    desk = (await client.get(f"{ADMIN}/{appeal_id}", token=tokens["clerk"])).data
    assert desk["timeline"][-1]["comment"] == "该商户不在本所辖区"
    assert desk["transfer_slips"][0]["outcome"] == "sent_back"
    assert desk["allowed_actions"] == ["transfer", "reply_out_of_scope"]
    assert desk["unit_org"] is None
    # The unit no longer has it; the business does not see internal reasons.
    assert (await client.get(f"{ADMIN}/", token=tokens["unit"])).data["items"] == []
    mine = (await client.get(f"{MP}/{appeal_id}", token=tokens["owner"])).data
    assert "send_back" not in [t["action"] for t in mine["timeline"]]


async def test_out_of_scope_reply_names_the_competent_department(client, tokens, tree, wechat, owner):
    owner.wechat_openid = "oOUT"
    await owner.save()
    created = await new_appeal(client, tokens["owner"], title="社保缴费咨询")
    await client.post(f"{ADMIN}/{created['id']}/accept", token=tokens["clerk"], json={})
    r = await client.post(f"{ADMIN}/{created['id']}/reply-out-of-scope", token=tokens["clerk"],
                          json={"department_name": "下陆区人力资源和社会保障局", "contact_person": "王科长",
                                "phone": "0714-6288888"})
    assert r.status == 200, r
    q = (await client.post(f"{MP}/query", json={"code": created["query_code"],
                                                "password": created["query_password"]})).data
    assert q["out_of_scope"] is True
    assert q["competent_department"] == {"department_name": "下陆区人力资源和社会保障局", "contact_person": "王科长",
                                         "phone": "0714-6288888"}
    assert "下陆区人力资源和社会保障局" in q["reply"]
    assert "0714-6288888" in q["reply"]
    await service.wait_background()
    assert any(m["touser"] == "oOUT" for m in wechat.sent)


async def test_refused_or_unreachable_wechat_never_fails_the_reply(client, tokens, tree, wechat, owner, deps,
                                                                   settings):
    owner.wechat_openid = "oREFUSE"
    await owner.save()
    wechat.refused_openids.add("oREFUSE")
    first = await move_to(client, tokens, "reported", tree.station.id)
    sent = len(wechat.sent)
    r = await client.post(f"{ADMIN}/{first}/reply", token=tokens["clerk"], json={"reply": "已办结"})
    assert r.status == 200
    await service.wait_background()
    assert len(wechat.sent) == sent
    assert (await Appeal.get(id=first)).status == "replied"

    second = await move_to(client, tokens, "reported", tree.station.id)
    deps.wechat = WechatClient(settings.model_copy(update={"wechat_api_base_url": "http://127.0.0.1:9/"}))
    r = await client.post(f"{ADMIN}/{second}/reply", token=tokens["clerk"], json={"reply": "已办结"})
    assert r.status == 200
    await service.wait_background()
    assert (await Appeal.get(id=second)).status == "replied"


async def test_two_clerks_accepting_at_once_one_wins(client, tokens, deps, clerk):
    created = await new_appeal(client, tokens["owner"])
    results = await asyncio.gather(
        service.accept(deps, actor=await _actor(clerk), appeal_id=created["id"]),
        service.accept(deps, actor=await _actor(clerk), appeal_id=created["id"]), return_exceptions=True)
    codes = sorted(getattr(x, "code", "OK") for x in results)
    assert codes[0] in ("APPEAL_ACTION_NOT_ALLOWED", "APPEAL_STATE_CHANGED")
    assert codes[1] == "OK"
    assert await AuditLog.filter(action="appeal.accept").count() == 1


async def _actor(user):
    from getitong.staff.service import load_actor

    return await load_actor(user.id)


async def test_lists_page_filter_and_count(client, tokens, tree):
    for i in range(3):
        await new_appeal(client, tokens["owner"], title=f"诉求{i}", type="help" if i == 2 else "consult")
    await move_to(client, tokens, "transferred", tree.station.id)
    first = await client.get(f"{MP}/", token=tokens["owner"], params={"limit": "2"})
    second = await client.get(f"{MP}/", token=tokens["owner"], params={"limit": "2", "cursor": first.data["next"]})
    assert len(first.data["items"]) + len(second.data["items"]) == 4
    assert second.data["next"] is None
    counts = (await client.get(f"{ADMIN}/counts", token=tokens["clerk"])).data
    by = {c["status"]: c["count"] for c in counts["by_status"]}
    assert (counts["total"], by["submitted"], by["transferred"]) == (4, 3, 1)
    help_only = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"type": "help"})
    assert [a["title"] for a in help_only.data["items"]] == ["诉求2"]
    by_unit = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"unit_org_id": str(tree.station.id)})
    assert len(by_unit.data["items"]) == 1
    text = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"q": "诉求1"})
    assert [a["title"] for a in text.data["items"]] == ["诉求1"]
    long_text = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"q": "诉" * 40})
    assert long_text.data["items"] == []
    status = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"status": "submitted", "limit": "2"})
    assert len(status.data["items"]) == 2
    assert status.data["next"]
    bad = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"status": "done"})
    assert (bad.status, bad.code) == (422, "VALIDATION_ERROR")


async def test_excel_exports(client, tokens, tree):
    await move_to(client, tokens, "replied", tree.station.id)
    await new_appeal(client, tokens["owner"], title="第二件")
    r = await client.get(f"{ADMIN}/export", token=tokens["clerk"])
    assert r.status == 200
    rows = list(load_workbook(io.BytesIO(r.body)).active.iter_rows(values_only=True))
    assert rows[0][:5] == ("查询码", "诉求标题", "诉求类型", "办理部门", "状态")
    assert [row[1] for row in rows[1:]] == ["第二件", "门店招牌审批咨询"]
    assert [row[4] for row in rows[1:]] == ["待受理", "已回复"]
    r = await client.get(f"{ADMIN}/stats/export", token=tokens["citydesk"])
    rows = list(load_workbook(io.BytesIO(r.body)).active.iter_rows(values_only=True))
    assert rows[0][0] == "机构"
    assert rows[1][:2] == ("黄石市市场监督管理局（合计）", 2)
    assert rows[2][:2] == ("黄石市下陆区市场监督管理局", 2)
