"""Party building (小个专党建) over HTTP: /api/v1/mp/party for shop owners, /api/v1/admin/party for staff."""

from __future__ import annotations

from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core.web import body, file_reply, ok, query
from getitong.party import schemas as s
from getitong.party import service, stories, volunteer
from getitong.party.common import Owner
from getitong.party.workflow import StoryAction

bp_mp = Blueprint("party_mp", url_prefix="/api/v1/mp/party")
bp_admin = Blueprint("party_admin", url_prefix="/api/v1/admin/party")
blueprints = [bp_mp, bp_admin]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _owner(request: Request) -> Owner:
    return Owner(person=request.ctx.person, business_id=current_business(request))


def _xlsx(data: bytes, name: str) -> HTTPResponse:
    return file_reply(data, name, XLSX)


def _file(f: Any, data: bytes) -> HTTPResponse:
    return raw(data, content_type=f.content_type, headers={"Cache-Control": "private, max-age=300",
                                                            "X-Content-Type-Options": "nosniff"})


# ============================================================================ mini-program: members


@bp_mp.get("/members")
@openapi.summary("本单位党员列表（身份证号、电话脱敏）")
@person_required
@query(s.MemberQuery)
async def mp_members(request: Request, q: s.MemberQuery) -> HTTPResponse:
    return ok(await service.list_members(deps_of(request), owner=_owner(request), q=q.q, cursor=q.cursor,
                                         limit=q.limit))


@bp_mp.post("/members")
@openapi.summary("登记党员（身份证号校验并加密保存）")
@person_required
@body(s.MemberCreate)
async def mp_member_create(request: Request, data: s.MemberCreate) -> HTTPResponse:
    return ok(await service.create_member(deps_of(request), owner=_owner(request), values=data.model_dump()),
              status=201)


@bp_mp.get("/members/<member_id:int>")
@openapi.summary("党员详情")
@person_required
async def mp_member(request: Request, member_id: int) -> HTTPResponse:
    return ok(await service.get_member(deps_of(request), owner=_owner(request), member_id=member_id))


@bp_mp.patch("/members/<member_id:int>")
@openapi.summary("修改党员信息")
@person_required
@body(s.MemberUpdate)
async def mp_member_update(request: Request, member_id: int, data: s.MemberUpdate) -> HTTPResponse:
    return ok(await service.update_member(deps_of(request), owner=_owner(request), member_id=member_id,
                                          changes=data.model_dump(exclude_unset=True)))


@bp_mp.delete("/members/<member_id:int>")
@openapi.summary("删除党员（未开始活动的报名一并取消）")
@person_required
async def mp_member_delete(request: Request, member_id: int) -> HTTPResponse:
    await service.delete_member(deps_of(request), owner=_owner(request), member_id=member_id)
    return ok({"id": member_id, "deleted": True})


# ============================================================================ mini-program: activities


@bp_mp.get("/activities")
@openapi.summary("党员活动：可报名 / 已报名未结束 / 已结束")
@person_required
@query(s.ActivityQuery)
async def mp_activities(request: Request, q: s.ActivityQuery) -> HTTPResponse:
    return ok(await service.list_activities(owner=_owner(request), when=q.when, cursor=q.cursor, limit=q.limit))


@bp_mp.get("/activities/<activity_id:int>")
@openapi.summary("活动详情（含本单位报名与签到情况）")
@person_required
async def mp_activity(request: Request, activity_id: int) -> HTTPResponse:
    return ok(await service.activity_detail(owner=_owner(request), activity_id=activity_id))


@bp_mp.post("/activities/<activity_id:int>/signups")
@openapi.summary("为本单位党员报名（活动开始前，不超过人数上限）")
@person_required
@body(s.SignupIn)
async def mp_sign_up(request: Request, activity_id: int, data: s.SignupIn) -> HTTPResponse:
    return ok(await service.sign_up(deps_of(request), owner=_owner(request), activity_id=activity_id,
                                    member_ids=data.member_ids), status=201)


@bp_mp.delete("/activities/<activity_id:int>/signups/<member_id:int>")
@openapi.summary("取消某党员的报名（活动开始前）")
@person_required
async def mp_cancel_signup(request: Request, activity_id: int, member_id: int) -> HTTPResponse:
    return ok(await service.cancel_signup(deps_of(request), owner=_owner(request), activity_id=activity_id,
                                          member_id=member_id))


@bp_mp.post("/checkin/scan")
@openapi.summary("扫描活动签到二维码：返回活动与本单位已报名党员")
@person_required
@body(s.ScanIn)
async def mp_scan(request: Request, data: s.ScanIn) -> HTTPResponse:
    return ok(await service.scan(deps_of(request), owner=_owner(request), token=data.token))


@bp_mp.post("/checkin")
@openapi.summary("活动签到：扫码所得文本 + 签到党员")
@person_required
@body(s.CheckinIn)
async def mp_check_in(request: Request, data: s.CheckinIn) -> HTTPResponse:
    return ok(await service.check_in(deps_of(request), owner=_owner(request), token=data.token,
                                     member_ids=data.member_ids))


# ============================================================================ mini-program: volunteer service


@bp_mp.get("/volunteer-records")
@openapi.summary("本单位志愿服务记录")
@person_required
@query(s.VolunteerQuery)
async def mp_volunteer_list(request: Request, q: s.VolunteerQuery) -> HTTPResponse:
    return ok(await volunteer.list_own(owner=_owner(request), date_from=q.date_from, date_to=q.date_to,
                                       cursor=q.cursor, limit=q.limit))


@bp_mp.post("/volunteer-records")
@openapi.summary("登记志愿服务（照片先经 /api/v1/mp/uploads 上传）")
@person_required
@body(s.VolunteerCreate)
async def mp_volunteer_create(request: Request, data: s.VolunteerCreate) -> HTTPResponse:
    return ok(await volunteer.create(owner=_owner(request), values=data.model_dump()), status=201)


@bp_mp.get("/volunteer-records/<record_id:int>")
@openapi.summary("志愿服务记录详情")
@person_required
async def mp_volunteer(request: Request, record_id: int) -> HTTPResponse:
    return ok(await volunteer.detail(owner=_owner(request), record_id=record_id))


@bp_mp.patch("/volunteer-records/<record_id:int>")
@openapi.summary("修改志愿服务记录")
@person_required
@body(s.VolunteerUpdate)
async def mp_volunteer_update(request: Request, record_id: int, data: s.VolunteerUpdate) -> HTTPResponse:
    return ok(await volunteer.update(owner=_owner(request), record_id=record_id,
                                     changes=data.model_dump(exclude_unset=True)))


@bp_mp.delete("/volunteer-records/<record_id:int>")
@openapi.summary("删除志愿服务记录")
@person_required
async def mp_volunteer_delete(request: Request, record_id: int) -> HTTPResponse:
    await volunteer.delete(owner=_owner(request), record_id=record_id)
    return ok({"id": record_id, "deleted": True})


@bp_mp.get("/volunteer-records/<record_id:int>/photos/<file_id:int>")
@openapi.summary("志愿服务照片")
@person_required
async def mp_volunteer_photo(request: Request, record_id: int, file_id: int) -> HTTPResponse:
    return _file(*await volunteer.own_photo(deps_of(request), owner=_owner(request), record_id=record_id,
                                            file_id=file_id))


# ============================================================================ mini-program: stories


@bp_mp.get("/stories")
@openapi.summary("先进事迹列表（已发布，可匿名访问）")
@query(s.StoryQuery)
async def mp_stories(request: Request, q: s.StoryQuery) -> HTTPResponse:
    return ok(await stories.public_list(q=q.q, cursor=q.cursor, limit=q.limit))


@bp_mp.get("/stories/<story_id:int>")
@openapi.summary("先进事迹详情")
async def mp_story(request: Request, story_id: int) -> HTTPResponse:
    return ok(await stories.public_detail(story_id=story_id))


@bp_mp.get("/stories/<story_id:int>/cover")
@openapi.summary("先进事迹封面")
async def mp_story_cover(request: Request, story_id: int) -> HTTPResponse:
    return _file(*await stories.public_cover(deps_of(request), story_id=story_id))


# ============================================================================ admin: activities


@bp_admin.get("/activities")
@openapi.summary("党员活动（本级及下级机构发布）")
@staff_required
@query(s.AdminActivityQuery)
async def admin_activities(request: Request, q: s.AdminActivityQuery) -> HTTPResponse:
    return ok(await service.admin_list_activities(actor=request.ctx.actor, status=q.status, q=q.q, cursor=q.cursor,
                                                  limit=q.limit))


@bp_admin.post("/activities")
@openapi.summary("新建党员活动（草稿）")
@staff_required
@body(s.ActivityCreate)
async def admin_activity_create(request: Request, data: s.ActivityCreate) -> HTTPResponse:
    return ok(await service.create_activity(actor=request.ctx.actor, values=data.model_dump()), status=201)


@bp_admin.get("/activities/<activity_id:int>")
@openapi.summary("活动详情（含可执行操作）")
@staff_required
async def admin_activity(request: Request, activity_id: int) -> HTTPResponse:
    return ok(await service.admin_activity(actor=request.ctx.actor, activity_id=activity_id))


@bp_admin.patch("/activities/<activity_id:int>")
@openapi.summary("修改活动（草稿，或已发布但未开始）")
@staff_required
@body(s.ActivityUpdate)
async def admin_activity_update(request: Request, activity_id: int, data: s.ActivityUpdate) -> HTTPResponse:
    return ok(await service.update_activity(deps_of(request), actor=request.ctx.actor, activity_id=activity_id,
                                            changes=data.model_dump(exclude_unset=True)))


@bp_admin.delete("/activities/<activity_id:int>")
@openapi.summary("删除草稿活动")
@staff_required
async def admin_activity_delete(request: Request, activity_id: int) -> HTTPResponse:
    await service.delete_activity(actor=request.ctx.actor, activity_id=activity_id)
    return ok({"id": activity_id, "deleted": True})


@bp_admin.post("/activities/<activity_id:int>/publish")
@openapi.summary("发布活动")
@staff_required
async def admin_activity_publish(request: Request, activity_id: int) -> HTTPResponse:
    return ok(await service.publish_activity(actor=request.ctx.actor, activity_id=activity_id))


@bp_admin.post("/activities/<activity_id:int>/cancel")
@openapi.summary("取消活动（须说明原因）")
@staff_required
@body(s.CancelIn)
async def admin_activity_cancel(request: Request, activity_id: int, data: s.CancelIn) -> HTTPResponse:
    return ok(await service.cancel_activity(deps_of(request), actor=request.ctx.actor, activity_id=activity_id,
                                            reason=data.reason))


@bp_admin.get("/activities/<activity_id:int>/qr")
@openapi.summary("活动签到二维码（PNG，可打印张贴）")
@staff_required
async def admin_activity_qr(request: Request, activity_id: int) -> HTTPResponse:
    png, _text, activity = await service.activity_qr(deps_of(request), actor=request.ctx.actor,
                                                     activity_id=activity_id)
    return file_reply(png, f"{activity.title}-签到二维码.png", "image/png", inline=True,
                      headers={"Cache-Control": "no-store"})


@bp_admin.get("/activities/<activity_id:int>/signups")
@openapi.summary("活动报名与签到名单")
@staff_required
@query(s.SignupQuery)
async def admin_signups(request: Request, activity_id: int, q: s.SignupQuery) -> HTTPResponse:
    return ok(await service.admin_signups(deps_of(request), actor=request.ctx.actor, activity_id=activity_id,
                                          checked_in=q.checked_in, cursor=q.cursor, limit=q.limit))


@bp_admin.get("/activities/<activity_id:int>/signups/export")
@openapi.summary("导出报名与签到名单（Excel）")
@staff_required
async def admin_signups_export(request: Request, activity_id: int) -> HTTPResponse:
    data, name = await service.export_signups(deps_of(request), actor=request.ctx.actor, activity_id=activity_id)
    return _xlsx(data, name)


# ============================================================================ admin: members, volunteer service


@bp_admin.get("/members")
@openapi.summary("数据范围内经营主体的党员（脱敏）")
@staff_required
@query(s.AdminMemberQuery)
async def admin_members(request: Request, q: s.AdminMemberQuery) -> HTTPResponse:
    return ok(await service.admin_members(deps_of(request), actor=request.ctx.actor, business_id=q.business_id,
                                          q=q.q, cursor=q.cursor, limit=q.limit))


@bp_admin.get("/volunteer-records")
@openapi.summary("志愿服务记录查询（经营主体、期间）")
@staff_required
@query(s.AdminVolunteerQuery)
async def admin_volunteer_list(request: Request, q: s.AdminVolunteerQuery) -> HTTPResponse:
    return ok(await volunteer.admin_list(actor=request.ctx.actor, business_id=q.business_id, date_from=q.date_from,
                                         date_to=q.date_to, cursor=q.cursor, limit=q.limit))


@bp_admin.get("/volunteer-records/export")
@openapi.summary("导出志愿服务记录（Excel）")
@staff_required
@query(s.AdminVolunteerQuery)
async def admin_volunteer_export(request: Request, q: s.AdminVolunteerQuery) -> HTTPResponse:
    data = await volunteer.export(actor=request.ctx.actor, business_id=q.business_id, date_from=q.date_from,
                                  date_to=q.date_to)
    return _xlsx(data, "志愿服务记录.xlsx")


@bp_admin.get("/volunteer-records/<record_id:int>")
@openapi.summary("志愿服务记录详情")
@staff_required
async def admin_volunteer(request: Request, record_id: int) -> HTTPResponse:
    return ok(await volunteer.admin_detail(actor=request.ctx.actor, record_id=record_id))


@bp_admin.get("/volunteer-records/<record_id:int>/photos/<file_id:int>")
@openapi.summary("志愿服务照片")
@staff_required
async def admin_volunteer_photo(request: Request, record_id: int, file_id: int) -> HTTPResponse:
    return _file(*await volunteer.admin_photo(deps_of(request), actor=request.ctx.actor, record_id=record_id,
                                              file_id=file_id))


# ============================================================================ admin: stories


@bp_admin.get("/stories")
@openapi.summary("先进事迹（本级及下级机构）")
@staff_required
@query(s.AdminStoryQuery)
async def admin_stories(request: Request, q: s.AdminStoryQuery) -> HTTPResponse:
    return ok(await stories.admin_list(actor=request.ctx.actor, status=q.status, q=q.q, cursor=q.cursor,
                                       limit=q.limit))


@bp_admin.post("/stories")
@openapi.summary("新建先进事迹（草稿，正文保存时清洗）")
@staff_required
@body(s.StoryCreate)
async def admin_story_create(request: Request, data: s.StoryCreate) -> HTTPResponse:
    return ok(await stories.create(actor=request.ctx.actor, values=data.model_dump()), status=201)


@bp_admin.get("/stories/<story_id:int>")
@openapi.summary("先进事迹详情")
@staff_required
async def admin_story(request: Request, story_id: int) -> HTTPResponse:
    return ok(await stories.admin_detail(actor=request.ctx.actor, story_id=story_id))


@bp_admin.patch("/stories/<story_id:int>")
@openapi.summary("修改先进事迹（草稿或已撤回）")
@staff_required
@body(s.StoryUpdate)
async def admin_story_update(request: Request, story_id: int, data: s.StoryUpdate) -> HTTPResponse:
    return ok(await stories.update(actor=request.ctx.actor, story_id=story_id,
                                   changes=data.model_dump(exclude_unset=True)))


@bp_admin.delete("/stories/<story_id:int>")
@openapi.summary("删除先进事迹（草稿或已撤回）")
@staff_required
async def admin_story_delete(request: Request, story_id: int) -> HTTPResponse:
    await stories.delete(actor=request.ctx.actor, story_id=story_id)
    return ok({"id": story_id, "deleted": True})


@bp_admin.post("/stories/<story_id:int>/publish")
@openapi.summary("发布先进事迹")
@staff_required
async def admin_story_publish(request: Request, story_id: int) -> HTTPResponse:
    return ok(await stories.transition(actor=request.ctx.actor, story_id=story_id, action=StoryAction.PUBLISH))


@bp_admin.post("/stories/<story_id:int>/withdraw")
@openapi.summary("撤回先进事迹")
@staff_required
async def admin_story_withdraw(request: Request, story_id: int) -> HTTPResponse:
    return ok(await stories.transition(actor=request.ctx.actor, story_id=story_id, action=StoryAction.WITHDRAW))


@bp_admin.get("/stories/<story_id:int>/cover")
@openapi.summary("先进事迹封面")
@staff_required
async def admin_story_cover(request: Request, story_id: int) -> HTTPResponse:
    return _file(*await stories.admin_cover(deps_of(request), actor=request.ctx.actor, story_id=story_id))
