"""Registration endpoints: the applicant's wizard (/api/v1/mp/registrations) and the staff 登记审核, 证照登记及打印
and 电子档案 (/api/v1/admin/registrations)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.common.guards import deps_of, person_required, staff_required
from getitong.core.web import body, file_reply, ok, query
from getitong.registration import errors as e
from getitong.registration import schemas as s
from getitong.registration import service

bp_mp = Blueprint("registration_mp", url_prefix="/api/v1/mp/registrations")
bp_admin = Blueprint("registration_admin", url_prefix="/api/v1/admin/registrations")
blueprints = [bp_mp, bp_admin]


def _who(request: Request) -> service.Applicant:
    return service.Applicant(person=request.ctx.person)


def _file(name: str, data: bytes, content_type: str = "application/pdf", *, inline: bool = True) -> HTTPResponse:
    return file_reply(data, name, content_type, inline=inline)


# ----------------------------------------------------------------------------- mini-program: the wizard


@bp_mp.get("/catalog")
@openapi.summary("个体户类型（含给定经营范围）、规范经营范围、可办理的行政区划、选项与核名规则")
async def mp_catalog(request: Request) -> HTTPResponse:
    return ok(await service.catalog())


@bp_mp.post("/name-check")
@openapi.summary("核名（不保存）：禁用内容与同辖区同行业重名检查")
@person_required
@body(s.NameCheckIn)
async def mp_name_check(request: Request, data: s.NameCheckIn) -> HTTPResponse:
    return ok(await service.check_name(data=data))


@bp_mp.post("")
@openapi.summary("开始个体户自助登记（选择个体户类型），返回草稿")
@person_required
@body(s.CreateIn)
async def mp_create(request: Request, data: s.CreateIn) -> HTTPResponse:
    return ok(await service.create(deps_of(request), who=_who(request), data=data), status=201)


@bp_mp.get("")
@openapi.summary("我的登记申请")
@person_required
@query(s.MineQuery)
async def mp_mine(request: Request, q: s.MineQuery) -> HTTPResponse:
    return ok(await service.mine(who=_who(request), q=q))


@bp_mp.get("/<reg_id:int>")
@openapi.summary("登记申请详情（各步骤内容、签字人、文书、可执行操作、结果）")
@person_required
async def mp_detail(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.my_detail(deps_of(request), who=_who(request), reg_id=reg_id))


@bp_mp.put("/<reg_id:int>/business-type")
@openapi.summary("第1步：更换个体户类型（经营范围随之重置）")
@person_required
@body(s.TypeIn)
async def mp_type(request: Request, reg_id: int, data: s.TypeIn) -> HTTPResponse:
    return ok(await service.set_type(deps_of(request), who=_who(request), reg_id=reg_id, data=data))


@bp_mp.put("/<reg_id:int>/name")
@openapi.summary("第2步：核名（需要/不需要名称）、经营场所、资金数额")
@person_required
@body(s.NameIn)
async def mp_name(request: Request, reg_id: int, data: s.NameIn) -> HTTPResponse:
    return ok(await service.save_name(deps_of(request), who=_who(request), reg_id=reg_id, data=data))


@bp_mp.put("/<reg_id:int>/operator")
@openapi.summary("第3步：经营者信息")
@person_required
@body(s.OperatorIn)
async def mp_operator(request: Request, reg_id: int, data: s.OperatorIn) -> HTTPResponse:
    return ok(await service.save_operator(deps_of(request), who=_who(request), reg_id=reg_id, data=data))


@bp_mp.put("/<reg_id:int>/basic")
@openapi.summary("第4步：基本信息、经营范围、住所信息")
@person_required
@body(s.BasicIn)
async def mp_basic(request: Request, reg_id: int, data: s.BasicIn) -> HTTPResponse:
    return ok(await service.save_basic(deps_of(request), who=_who(request), reg_id=reg_id, data=data))


@bp_mp.get("/<reg_id:int>/documents/<code:str>")
@openapi.summary("第5步：预览/下载文书 PDF（application / name_commitment / residence / review_sheet / license）")
@person_required
async def mp_document(request: Request, reg_id: int, code: str) -> HTTPResponse:
    return _file(*await service.my_document(deps_of(request), who=_who(request), reg_id=reg_id, code=code))


@bp_mp.post("/<reg_id:int>/confirm")
@openapi.summary("确认文书：锁定内容，进入实名认证与电子签名（逾期后再次调用即重新认证）")
@person_required
async def mp_confirm(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.confirm(deps_of(request), who=_who(request), reg_id=reg_id))


@bp_mp.post("/<reg_id:int>/signers/<signer_id:int>/realname")
@openapi.summary("第6步：签字人实名认证（姓名+证件号码），有效期为签名期限")
@person_required
@body(s.RealnameIn)
async def mp_realname(request: Request, reg_id: int, signer_id: int, data: s.RealnameIn) -> HTTPResponse:
    return ok(await service.realname(deps_of(request), who=_who(request), reg_id=reg_id, signer_id=signer_id,
                                     data=data))


@bp_mp.get("/<reg_id:int>/signers/<signer_id:int>/qr.png")
@openapi.summary("第7步：签字二维码（PNG，内容为签名链接）")
@person_required
async def mp_signer_qr(request: Request, reg_id: int, signer_id: int) -> HTTPResponse:
    png = await service.signer_qr(deps_of(request), who=_who(request), reg_id=reg_id, signer_id=signer_id)
    return raw(png, content_type="image/png")


@bp_mp.post("/<reg_id:int>/reopen")
@openapi.summary("退回修改（实名认证与签名作废）")
@person_required
async def mp_reopen(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.reopen(deps_of(request), who=_who(request), reg_id=reg_id))


@bp_mp.post("/<reg_id:int>/withdraw")
@openapi.summary("撤回申请（释放名称）")
@person_required
async def mp_withdraw(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.withdraw(deps_of(request), who=_who(request), reg_id=reg_id))


@bp_mp.post("/<reg_id:int>/submit")
@openapi.summary("第8步：提交（智能审批：规则全部通过即自动核准发照，否则转登记审核）")
@person_required
async def mp_submit(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.submit(deps_of(request), who=_who(request), reg_id=reg_id))


@bp_mp.get("/<reg_id:int>/license")
@openapi.summary("电子营业执照信息与二维码（核准后）")
@person_required
async def mp_license(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.my_license(deps_of(request), who=_who(request), reg_id=reg_id))


# The signing page (opened from the QR code, possibly on another phone): the token is the credential.


@bp_mp.get("/signing/<token:str>")
@openapi.summary("签名页：待签署的申请、文书和签名期限（凭签名链接中的令牌）")
async def mp_signing_info(request: Request, token: str) -> HTTPResponse:
    return ok(await service.signing_info(deps_of(request), token=token))


@bp_mp.get("/signing/<token:str>/documents/<code:str>")
@openapi.summary("签名页：查看待签署的文书 PDF")
async def mp_signing_document(request: Request, token: str, code: str) -> HTTPResponse:
    return _file(*await service.signing_document(deps_of(request), token=token, code=code))


@bp_mp.post("/signing/<token:str>")
@openapi.summary("签名页：上传手写签名图片（multipart 字段 image）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {
    "image": {"type": "string", "format": "binary"}}}})
async def mp_sign(request: Request, token: str) -> HTTPResponse:
    upload = request.files.get("image") if request.files else None
    if upload is None:
        raise e.SignatureMissing()
    return ok(await service.sign(deps_of(request), token=token, image=upload.body, filename=upload.name or ""))


# ----------------------------------------------------------------------------- admin


@bp_admin.get("/catalog")
@openapi.summary("个体户类型、规则表、状态等（审核端）")
@staff_required
async def admin_catalog(request: Request) -> HTTPResponse:
    return ok(await service.catalog())


@bp_admin.get("")
@openapi.summary("登记审核：待人工审核（缺省）/ 全部已提交的登记申请，含未通过的规则")
@staff_required
@query(s.QueueQuery)
async def admin_queue(request: Request, q: s.QueueQuery) -> HTTPResponse:
    return ok(await service.queue(actor=request.ctx.actor, q=q))


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp_admin.get("/export")
@openapi.summary("导出登记审核列表（Excel，筛选条件同列表）")
@staff_required
@query(s.QueueQuery)
async def admin_export(request: Request, q: s.QueueQuery) -> HTTPResponse:
    return _file("登记审核.xlsx", await service.export_queue(actor=request.ctx.actor, q=q), XLSX, inline=False)


@bp_admin.get("/archives/export")
@openapi.summary("导出电子档案列表（Excel）")
@staff_required
@query(s.ArchiveQuery)
async def admin_archives_export(request: Request, q: s.ArchiveQuery) -> HTTPResponse:
    return _file("电子档案.xlsx", await service.export_archives(actor=request.ctx.actor, q=q), XLSX, inline=False)


@bp_admin.get("/archives")
@openapi.summary("电子档案（全程电子化）：已核准登记的档案列表")
@staff_required
@query(s.ArchiveQuery)
async def admin_archives(request: Request, q: s.ArchiveQuery) -> HTTPResponse:
    return ok(await service.archives(actor=request.ctx.actor, q=q))


@bp_admin.get("/<reg_id:int>")
@openapi.summary("登记申请详情：各步骤内容、规则校验结果、办理过程")
@staff_required
async def admin_detail(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.staff_detail(deps_of(request), actor=request.ctx.actor, reg_id=reg_id))


@bp_admin.post("/<reg_id:int>/approve")
@openapi.summary("核准登记（发放统一社会信用代码与营业执照）")
@staff_required
@body(s.ApproveIn)
async def admin_approve(request: Request, reg_id: int, data: s.ApproveIn) -> HTTPResponse:
    return ok(await service.approve(deps_of(request), actor=request.ctx.actor, reg_id=reg_id, data=data))


@bp_admin.post("/<reg_id:int>/refuse")
@openapi.summary("不予登记（填写理由）")
@staff_required
@body(s.RefuseIn)
async def admin_refuse(request: Request, reg_id: int, data: s.RefuseIn) -> HTTPResponse:
    return ok(await service.refuse(deps_of(request), actor=request.ctx.actor, reg_id=reg_id, data=data))


@bp_admin.get("/<reg_id:int>/documents/<code:str>")
@openapi.summary("查看文书 PDF（申请书、承诺书、审核表、营业执照）或经营者证件照（id_photo）")
@staff_required
async def admin_document(request: Request, reg_id: int, code: str) -> HTTPResponse:
    name, content_type, data = await service.staff_document(deps_of(request), actor=request.ctx.actor, reg_id=reg_id,
                                                            code=code)
    return _file(name, data, content_type)


@bp_admin.get("/<reg_id:int>/license")
@openapi.summary("证照登记：证照信息与电子营业执照（含二维码）")
@staff_required
async def admin_license(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.staff_license(deps_of(request), actor=request.ctx.actor, reg_id=reg_id))


@bp_admin.get("/<reg_id:int>/license.pdf")
@openapi.summary("证照打印：营业执照 PDF")
@staff_required
async def admin_license_pdf(request: Request, reg_id: int) -> HTTPResponse:
    name, content_type, data = await service.staff_document(deps_of(request), actor=request.ctx.actor, reg_id=reg_id,
                                                            code="license")
    return _file(name, data, content_type)


@bp_admin.get("/<reg_id:int>/archive")
@openapi.summary("电子档案详情：档案号、归档信息、材料目录")
@staff_required
async def admin_archive(request: Request, reg_id: int) -> HTTPResponse:
    return ok(await service.archive_detail(actor=request.ctx.actor, reg_id=reg_id))


@bp_admin.patch("/<reg_id:int>/archive")
@openapi.summary("编辑归档信息")
@staff_required
@body(s.ArchiveIn)
async def admin_archive_edit(request: Request, reg_id: int, data: s.ArchiveIn) -> HTTPResponse:
    return ok(await service.update_archive(actor=request.ctx.actor, reg_id=reg_id, data=data))


@bp_admin.get("/<reg_id:int>/archive/files/<code:str>")
@openapi.summary("查看/下载一份档案材料")
@staff_required
async def admin_archive_file(request: Request, reg_id: int, code: str) -> HTTPResponse:
    name, content_type, data = await service.archive_document(deps_of(request), actor=request.ctx.actor,
                                                              reg_id=reg_id, code=code)
    return _file(name, data, content_type)


@bp_admin.get("/<reg_id:int>/archive.zip")
@openapi.summary("下载整卷电子档案（ZIP）")
@staff_required
async def admin_archive_zip(request: Request, reg_id: int) -> HTTPResponse:
    name, data = await service.archive_bundle(deps_of(request), actor=request.ctx.actor, reg_id=reg_id)
    return _file(name, data, "application/zip", inline=False)
