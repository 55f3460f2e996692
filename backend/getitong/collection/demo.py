"""Demo 信息归集: a data clerk of 下陆区 (xlgj) who has provided licences, a penalty and support records (记名成功),
two problem records (记名不成功) to correct or delete, and one finished Excel import with a failure report."""

from __future__ import annotations

import io

from openpyxl import Workbook

from getitong.collection import importer, service
from getitong.collection import schemas as s
from getitong.collection.workflow import Kind
from getitong.core.deps import Deps
from getitong.entities.models import Business
from getitong.staff import service as staff
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Role

CLERK = ("xlgj", "Staff@2026", "夏路归集员")


def _license(no: str, name: str, content: str) -> dict[str, str]:
    return {"record_no": no, "name": name, "authority": "黄石市下陆区市场监督管理局", "category": "普通",
            "valid_from": "2024-03-01", "valid_to": "2029-02-28", "content": content, "status": "有效"}


async def seed(deps: Deps) -> None:
    if await StaffUser.exists(username=CLERK[0]):
        return
    desk = await StaffUser.get_or_none(username="xialu")
    if desk is None:
        return
    user = await StaffUser.create(username=CLERK[0], name=CLERK[2], org_id=desk.org_id,
                                  password_hash=deps.hasher.hash(CLERK[1]), roles=[Role.DATA_CLERK.value])
    actor = await staff.load_actor(user.id)
    shops = list(await Business.filter(region_code="420204").order_by("id").limit(6))
    if len(shops) < 6:  # a small demo register: any businesses will do
        shops += [b for b in await Business.all().order_by("id").limit(12) if b.id not in {x.id for x in shops}]
        shops = shops[:6]
    if len(shops) < 6:
        return
    entries = [
        s.RecordCreate(kind=Kind.LICENSE, business_id=shops[0].id, fields=_license(
            "JY14202040000101", "食品经营许可证", "预包装食品（含冷藏冷冻食品）销售；热食类食品制售")),
        s.RecordCreate(kind=Kind.LICENSE, business_id=shops[2].id, fields=_license(
            "JY14202040000102", "食品经营许可证", "预包装食品销售（不含冷藏冷冻食品）")),
        s.RecordCreate(kind=Kind.PENALTY, business_id=shops[3].id, fields={
            "record_no": "黄下市监罚〔2026〕7号", "name": "未按规定公示营业执照案", "penalty_type": "警告",
            "basis": "《无证无照经营查处办法》第十二条", "violation_type": "未在经营场所醒目位置悬挂营业执照",
            "content": "责令改正，给予警告。", "decided_on": "2026-03-02", "published_on": "2026-03-09",
            "authority": "黄石市下陆区市场监督管理局"}),
        s.RecordCreate(kind=Kind.SUPPORT, business_id=shops[0].id, fields={
            "record_no": "黄下财扶〔2026〕12号", "basis": "《黄石市支持个体工商户发展的若干措施》",
            "content": "个体工商户社保补贴", "amount": "0.24", "authority": "黄石市下陆区人力资源和社会保障局",
            "decided_on": "2026-04-15"}),
        s.RecordCreate(kind=Kind.SUPPORT, business_id=shops[4].id, fields={
            "basis": "《关于进一步支持小微企业和个体工商户发展的通知》", "content": "创业担保贷款贴息",
            "amount": "1.5", "authority": "黄石市下陆区财政局", "decided_on": "2026-05-20"}),
        # Problem data: a code that names no business, a name that matches nothing.
        s.RecordCreate(kind=Kind.LICENSE, subject_code="92420204MA4X00000X", subject_name="下陆区不存在的小吃店",
                       fields=_license("JY14202040000199", "食品经营许可证", "热食类食品制售")),
        s.RecordCreate(kind=Kind.PENALTY, subject_name="下陆区查无此店五金行", fields={
            "record_no": "黄下市监罚〔2026〕9号", "name": "销售不合格商品案", "penalty_type": "罚款",
            "basis": "《中华人民共和国产品质量法》第四十九条", "violation_type": "销售不合格产品",
            "content": "罚款人民币叁仟元整。", "fine_amount": "0.3", "decided_on": "2026-06-01",
            "published_on": "2026-06-05", "authority": "黄石市下陆区市场监督管理局"}),
    ]
    for entry in entries:
        await service.create_record(actor=actor, data=entry)
    # One finished import: two rows 记名成功 and one refused (no 许可内容), so the report has a row.
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("行政许可信息")
    cols = importer.columns(Kind.LICENSE)
    ws.append([("*" if c.required else "") + c.header for c in cols])
    rows = [{"subject_code": shops[1].uscc, **_license("JY14202040000103", "食品经营许可证", "预包装食品销售")},
            {"subject_code": shops[5].uscc, **_license("JY14202040000104", "药品经营许可证", "乙类非处方药零售")},
            {"subject_name": shops[5].name, **_license("JY14202040000105", "食品经营许可证", "")}]
    for row in rows:
        ws.append([row.get(c.name, "") for c in cols])
    buf = io.BytesIO()
    wb.save(buf)
    job = await importer.start_import(deps, actor=actor, kind=Kind.LICENSE, file_name="行政许可信息导入（示例）.xlsx",
                                      data=buf.getvalue())
    await importer.run_import(deps, job.id)
