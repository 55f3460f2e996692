"""The done-flow of the issue, as a shop owner and the staff would go through it."""

from getitong.appeals import service
from getitong.appeals.models import Appeal, AppealEvent, TransferSlip
from getitong.core.models import AuditLog
from tests.appeals.factories import ADMIN, MP, new_appeal, upload_admin, upload_mp


async def test_submit_transfer_report_reply_query_rate(client, tokens, tree, clock, wechat, owner):
    owner.wechat_openid = "oZHANG"
    await owner.save()
    photos = await upload_mp(client, tokens["owner"], 3)
    created = await new_appeal(client, tokens["owner"], title="门头招牌被要求拆除", type="complaint",
                               department="市场监管综合执法", content="新装的招牌被要求拆除，希望说明依据。",
                               photos=photos)
    code, password = created["query_code"], created["query_password"]
    assert len(code) == 12
    assert len(password) == 8
    assert created["status_label"] == "待受理"
    row = await Appeal.get(id=created["id"])
    assert row.query_password_hash != password
    assert password not in row.query_password_hash
    assert row.org_id == tree.district.id  # the district desk of the station that registered the shop

    # The owner sees it under "my appeals", without the password.
    mine = await client.get(f"{MP}/", token=tokens["owner"])
    assert [a["title"] for a in mine.data["items"]] == ["门头招牌被要求拆除"]
    assert "query_password" not in mine.data["items"][0]

    # The desk sees it in its queue with the actions it may take, and the photos.
    queue = await client.get(f"{ADMIN}/", token=tokens["clerk"])
    item = queue.data["items"][0]
    assert item["allowed_actions"] == ["accept"]
    assert item["time_left_seconds"] == 15 * 86400
    detail = await client.get(f"{ADMIN}/{created['id']}", token=tokens["clerk"])
    assert len(detail.data["photos"]) == 3
    photo = await client.get(detail.data["photos"][0]["url"], token=tokens["clerk"])
    assert photo.status == 200
    assert photo.body.startswith(b"\x89PNG")

    clock.advance(hours=2)
    r = await client.post(f"{ADMIN}/{created['id']}/accept", token=tokens["clerk"],
                          json={"comment": "属于职责范围", "type": "consult"})
    assert r.status == 200, r
    assert r.data["status_label"] == "已受理"
    assert r.data["type_label"] == "咨询"
    assert r.data["allowed_actions"] == ["transfer", "reply_out_of_scope"]
    clock.advance(hours=3)
    r = await client.post(f"{ADMIN}/{created['id']}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": tree.station.id, "requirements": "请3日内上门核实"})
    assert r.status == 200, r
    assert r.data["unit_org"]["name"] == "下陆区城区市场监管所"
    assert r.data["transfer_slips"][0]["requirements"] == "请3日内上门核实"
    assert r.data["allowed_actions"] == []  # the desk waits for the unit

    # The unit sees only what was transferred to it, reports with evidence.
    unit_queue = await client.get(f"{ADMIN}/", token=tokens["unit"])
    assert [a["allowed_actions"] for a in unit_queue.data["items"]] == [["report", "send_back"]]
    evidence = await upload_admin(client, tokens["unit"])
    clock.advance(days=2)
    r = await client.post(f"{ADMIN}/{created['id']}/report", token=tokens["unit"],
                          json={"result": "已上门核实，招牌符合规定，无需拆除", "files": [evidence]})
    assert r.status == 200, r
    assert r.data["status_label"] == "待回复"

    # The desk replies, forwarding the unit's evidence; the owner gets a WeChat message.
    sent_before = len(wechat.sent)
    r = await client.post(f"{ADMIN}/{created['id']}/reply", token=tokens["clerk"],
                          json={"reply": "经核实，您的招牌符合规定，无需拆除。", "files": [evidence]})
    assert r.status == 200, r
    assert r.data["status_label"] == "已回复"
    await service.wait_background()
    assert len(wechat.sent) == sent_before + 1
    assert wechat.sent[-1]["touser"] == "oZHANG"
    assert wechat.sent[-1]["data"]["thing1"]["value"] == "门头招牌被要求拆除"

    # Anyone with the code and password can follow it, without logging in.
    q = await client.post(f"{MP}/query", json={"code": code.lower(), "password": password})
    assert q.status == 200, q
    assert q.data["reply"] == "经核实，您的招牌符合规定，无需拆除。"
    assert [t["action_label"] for t in q.data["timeline"]] == ["提交诉求", "受理", "转办", "回复"]
    assert q.data["timeline"][2]["payload"] == {"unit_org_name": "下陆区城区市场监管所"}
    assert q.data["timeline"][1]["actor_name"] == "黄石市下陆区市场监督管理局"  # no staff names outside
    assert q.data["timeline"][1]["comment"] == ""  # nor internal notes
    assert q.data["timeline"][3]["comment"] == "经核实，您的招牌符合规定，无需拆除。"
    assert len(q.data["reply_files"]) == 1
    assert (await client.get(q.data["reply_files"][0]["url"], token=tokens["owner"])).status == 200

    r = await client.post(f"{MP}/{created['id']}/rate", token=tokens["owner"],
                          json={"rating": "satisfied", "comment": "很及时"})
    assert r.status == 200, r
    assert (r.data["status_label"], r.data["rating_label"]) == ("已评价", "满意")
    assert r.data["allowed_actions"] == []

    # Every step is an event row and every staff write an audit row.
    actions = await AppealEvent.filter(appeal_id=created["id"]).order_by("id").values_list("action", flat=True)
    assert actions == ["submit", "accept", "transfer", "report", "reply", "rate"]
    audited = await AuditLog.filter(target_type="appeal", target_id=str(created["id"])).values_list("action",
                                                                                                      flat=True)
    assert sorted(audited) == ["appeal.accept", "appeal.reply", "appeal.report", "appeal.transfer"]
    slip = await TransferSlip.get(appeal_id=created["id"])
    assert slip.outcome == "reported"

    stats = await client.get(f"{ADMIN}/stats", token=tokens["clerk"])
    total = stats.data["total"]
    assert (total["received"], total["finished"], total["finished_within_limit_pct"]) == (1, 1, 100.0)
    assert (total["transferred_within_limit_pct"], total["satisfaction_pct"]) == (100.0, 100.0)
    assert total["avg_handling_hours"] == 53.0


async def test_left_alone_goes_overdue_and_superior_supervises(client, tokens, tree, clock):
    late = await new_appeal(client, tokens["owner"], title="无人处理的诉求")
    fresh_clock_start = clock.at
    clock.advance(days=14)
    soon = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"due_soon": "true"})
    assert [a["title"] for a in soon.data["items"]] == ["无人处理的诉求"]
    assert (await client.get(f"{ADMIN}/overdue", token=tokens["citydesk"])).data["items"] == []

    clock.advance(days=1, seconds=1)
    marked = await service.mark_overdue(clock())
    assert marked == {"transfer": 0, "finish": 1}
    assert await service.mark_overdue(clock()) == {"transfer": 0, "finish": 0}  # idempotent
    row = await Appeal.get(id=late["id"])
    assert row.is_overdue
    assert row.finish_overdue
    assert clock.at - fresh_clock_start > row.finish_due_at - row.submitted_at

    overdue = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"overdue": "true"})
    assert [a["overdue"] for a in overdue.data["items"]] == [True]
    superior = await client.get(f"{ADMIN}/overdue", token=tokens["citydesk"])
    assert [(a["title"], a["org"]["name"]) for a in superior.data["items"]] == [
        ("无人处理的诉求", "黄石市下陆区市场监督管理局")]
    assert "supervise" in superior.data["items"][0]["allowed_actions"]
    # The district desk is the handler, not its own superior; the neighbour city sees nothing.
    assert (await client.get(f"{ADMIN}/overdue", token=tokens["clerk"])).data["items"] == []
    assert (await client.get(f"{ADMIN}/overdue", token=tokens["otherdesk"])).data["items"] == []

    r = await client.post(f"{ADMIN}/{late['id']}/supervise", token=tokens["citydesk"],
                          json={"content": "该诉求已超期，请立即办理并报告"})
    assert r.status == 200, r
    handler_queue = await client.get(f"{ADMIN}/", token=tokens["clerk"])
    assert handler_queue.data["items"][0]["supervision_count"] == 1
    handler_view = await client.get(f"{ADMIN}/{late['id']}", token=tokens["clerk"])
    sup = handler_view.data["supervisions"]
    assert [(s["from_org"]["name"], s["content"]) for s in sup] == [("黄石市市场监督管理局", "该诉求已超期，请立即办理并报告")]
    assert handler_view.data["timeline"][-1]["action_label"] == "督办"
    # Supervision is internal: the owner's timeline does not show it.
    mine = await client.get(f"{MP}/{late['id']}", token=tokens["owner"])
    assert [t["action"] for t in mine.data["timeline"]] == ["submit"]
    assert mine.data["overdue"] is True

    stats = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"],
                             params={"from": "2026-03-01", "to": "2026-03-31"})
    assert stats.data["total"]["received"] == 1
    assert stats.data["total"]["overdue"] == 1
    assert stats.data["total"]["finished_within_limit_pct"] == 0.0
    assert [r["org"]["name"] for r in stats.data["by_org"]] == ["黄石市下陆区市场监督管理局"]
    outside = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"],
                               params={"from": "2026-04-01", "to": "2026-04-30"})
    assert outside.data["total"]["received"] == 0
