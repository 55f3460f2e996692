"""The documents of a registration as PDFs (seed 002 §2.1.2.4 preview, §2.2 licence, §2.3 archive):
个体工商户登记申请书, 企业名称自主申报承诺书, 住所（经营场所）信息申报承诺书, then 设立登记审核表 and 营业执照.

Rendered from the application row, which cannot change once confirmed: a document downloaded today is the
one that was signed and archived.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from typing import Any

from getitong.common.pdf import A4, Document
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.security import mask_id_number, mask_phone
from getitong.registration import config as cfg
from getitong.registration import errors as e
from getitong.registration.models import Registration, RegistrationSigner
from getitong.registration.workflow import RegStatus
from getitong.staff.models import Org

TITLES = {
    "application": "个体工商户登记申请书",
    "name_commitment": "企业名称自主申报承诺书",
    "residence": "住所（经营场所）信息申报承诺书",
    "review_sheet": "设立登记审核表",
    "license": "营业执照",
    "archive_record": "设立登记归档记录表",
}


def available(reg: Registration) -> list[tuple[str, str]]:
    codes = ["application"]
    if reg.named:
        codes.append("name_commitment")
    if reg.residence:
        codes.append("residence")
    if reg.rule_results:
        codes.append("review_sheet")
    if reg.status == RegStatus.APPROVED:
        codes.append("license")
    return [(c, TITLES[c]) for c in codes]


def archive_items(reg: Registration) -> list[tuple[str, str]]:
    items = available(reg) + [("archive_record", TITLES["archive_record"])]
    if reg.id_photo_id:
        items.append(("id_photo", "经营者身份证明（证件照）"))
    return items


async def _org_name(org_id: int | None) -> str:
    org = await Org.get_or_none(id=org_id) if org_id else None
    return org.name if org else ""


async def _file_bytes(deps: Deps, file_id: int | None) -> tuple[StoredFile, bytes] | None:
    if not file_id:
        return None
    f = await StoredFile.get_or_none(id=file_id)
    if f is None:
        return None
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)


def _day(reg: Registration) -> str:
    at = reg.decided_at or reg.confirmed_at or cfg.now()
    return f"{cfg.local_day(at):%Y年%m月%d日}"


async def render(deps: Deps, reg: Registration, code: str) -> tuple[str, bytes]:
    """(file name, PDF bytes) of one document; refuses a document the application does not have (yet)."""
    allowed = dict(archive_items(reg)) if reg.status == RegStatus.APPROVED else dict(available(reg))
    if code not in allowed or code == "id_photo" or reg.basic is None:
        raise e.DocumentUnknown(data={"code": code})
    from getitong.registration import service

    authority = await _org_name(reg.org_id)
    doc = Document()
    page = doc.page()
    page.title(TITLES[code])
    op = reg.operator or {}
    basic = reg.basic or {}
    res = reg.residence or {}
    if code == "application":
        id_number = deps.cipher.decrypt(reg.operator_id_enc)
        phone = deps.cipher.decrypt(reg.operator_phone_enc)
        page.rows([
            ("申请编号", reg.number), ("个体工商户名称", reg.name or "（不申请名称）"),
            ("店铺名称", basic.get("store_name", "")), ("经营者姓名", reg.operator_name or ""),
            ("性别 / 民族", f"{op.get('gender_label', '')} / {op.get('ethnicity', '')}"),
            ("证件类型", op.get("id_type_label", "")), ("证件号码", mask_id_number(id_number) or ""),
            ("证件有效期", f"{op.get('id_valid_from', '')} 至 {'长期' if op.get('id_long_term') else op.get('id_valid_until')}"),
            ("移动电话", mask_phone(phone) or ""), ("电子邮箱", op.get("email", "")),
            ("经营者住所", op.get("address", "")), ("政治面貌 / 文化程度",
                                                 f"{op.get('political_status', '')} / {op.get('education', '')}"),
            ("申办的就业状态", op.get("employment_status", "")),
            ("经营场所", reg.place or ""), ("资金数额（万元）", str(reg.capital)),
            ("从业人数", str(basic.get("staff_count", ""))), ("是否城镇", "是" if basic.get("urban") else "否"),
            ("邮政编码", basic.get("postcode", "")), ("组成形式", "个人经营"),
            ("经营范围", service.scope_text(reg.scope or [])), ("经营期限", "长期"), ("登记机关", authority),
            ("是否需要纸质执照", "是" if basic.get("paper_license") else "否"),
        ])
        page.paragraph("本人依照《促进个体工商户发展条例》《中华人民共和国市场主体登记管理条例》申请登记为个体工商户，"
                       "提交材料真实有效。谨此对真实性承担责任。", size=11)
        await _signatures(deps, doc, page, reg)
    elif code == "name_commitment":
        page.paragraph(f"本人申报的个体工商户名称为：{reg.name}。")
        page.paragraph("本人已阅读《企业名称登记管理规定》等有关规定，知悉名称中不得含有损害国家利益、社会公共利益，"
                       "迷信、淫秽、暴力，可能对公众造成欺骗或者误解，外国国家（地区）名称、国际组织名称，政党名称、"
                       "党政军机关名称、群团组织名称、社会组织名称及部队番号，外文、字母和阿拉伯数字，违背公序良俗等内容和文字。")
        page.paragraph("本人承诺：申报的名称符合上述规定；如与他人在先权利相冲突，自愿承担法律责任并依法变更名称。")
        await _signatures(deps, doc, page, reg)
    elif code == "residence":
        page.paragraph(f"本人承诺：个体工商户“{service.display_name(reg)}”的经营场所为{reg.place}"
                       f"（{res.get('street', '')}{res.get('house_no', '')}），产权人为{res.get('owner_name', '')}，"
                       f"产权类型为{res.get('property_type_label', '')}，房屋用途为{res.get('property_use_label', '')}，"
                       f"面积{res.get('area_sqm', '')}平方米。")
        page.paragraph("本人已取得该场所的合法使用权，将其作为经营场所符合法律、法规及管理规约的规定；"
                       "如提交的住所信息不实，愿意承担相应的法律责任。")
        await _signatures(deps, doc, page, reg)
    elif code == "review_sheet":
        page.rows([("申请编号", reg.number), ("名称", service.display_name(reg)),
                   ("经营者", reg.operator_name or ""), ("登记机关", authority),
                   ("审批方式", "智能审批（系统自动核准）" if reg.decided_by == "auto" else "人工审核")])
        page.y -= 10
        page.rows([(("通过" if r["passed"] else "未通过"), f"{r['label']}" + ("" if r["passed"] else f"：{r['reason']}"))
                   for r in reg.rule_results or []], label_width=60)
        page.signature_block([authority, _day(reg)])
    elif code == "archive_record":
        a = reg.archive or {}
        page.rows([("档案号", reg.archive_no or ""), ("统一社会信用代码", reg.uscc or ""),
                   ("名称", service.display_name(reg)), ("经营者", reg.operator_name or ""), ("类别", "设立登记"),
                   ("案卷名称", a.get("title", "")), ("归档原因", a.get("reason", "")),
                   ("归档机构", a.get("archive_org", "")), ("归档人", a.get("archivist", "")),
                   ("归档地点", a.get("location", "")), ("归档日期", a.get("archived_on", ""))])
        page.y -= 10
        page.paragraph("卷内材料：" + "；".join(title for c, title in archive_items(reg) if c != "archive_record"),
                       size=11)
    else:  # license
        data = await service.license_data(deps, reg, image=False)
        page.rows([("统一社会信用代码", data["uscc"]), ("名称", data["name"] or "（未申请名称）"),
                   ("类型", data["kind_label"]), ("经营者", data["operator_name"] or ""),
                   ("组成形式", data["form"]), ("经营场所", data["place"] or ""),
                   ("注册日期", data["established_on"] or ""), ("经营范围", data["scope_text"])])
        png = await asyncio.to_thread(service.qr_png, data["qr_text"], 4)
        doc.image(page, png, A4[0] - 70 - 110, page.y - 130, 110, 110)
        page.text(70, page.y - 40, "扫描二维码登录国家企业信用信息公示系统了解更多登记、备案、许可、监管信息。", 9)
        page.y -= 150
        page.signature_block([f"登记机关：{authority}", _day(reg)])
    return f"{TITLES[code]}-{reg.number}.pdf", doc.render()


async def _signatures(deps: Deps, doc: Document, page: Any, reg: Registration) -> None:
    """The signers' signature images (once signed) beside their names, and the date."""
    for sg in await RegistrationSigner.filter(registration_id=reg.id).order_by("id"):
        page.y -= 10
        page.text(A4[0] - 300, page.y, f"签字人（经营者）：{sg.name}", 12)
        found = await _file_bytes(deps, sg.signature_id)
        if found is not None:
            doc.image(page, found[1], A4[0] - 160, page.y - 15, 90, 40)
        page.y -= 50
    page.signature_block([_day(reg)])


async def archive_file(deps: Deps, reg: Registration, code: str) -> tuple[str, str, bytes]:
    """(file name, content type, bytes) of one archived item."""
    if code == "id_photo":
        found = await _file_bytes(deps, reg.id_photo_id)
        if found is None:
            raise e.DocumentUnknown(data={"code": code})
        f, data = found
        ext = f.content_type.split("/")[-1]
        return f"经营者身份证明-{reg.archive_no}.{ext}", f.content_type, data
    name, pdf = await render(deps, reg, code)
    return name, "application/pdf", pdf


async def bundle(deps: Deps, reg: Registration) -> tuple[str, bytes]:
    """The whole archive as one ZIP: every document, the ID photo and a contents list with the archive details."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        lines = [f"档案号：{reg.archive_no}", f"统一社会信用代码：{reg.uscc}", f"经营者：{reg.operator_name}"]
        lines += [f"{k}：{v}" for k, v in (reg.archive or {}).items()]
        for i, (code, title) in enumerate(archive_items(reg), start=1):
            name, _, data = await archive_file(deps, reg, code)
            z.writestr(f"{i:02d}-{name}", data)
            lines.append(f"{i:02d} {title}")
        z.writestr("目录.txt", "\n".join(lines) + "\n")
    return f"电子档案-{reg.archive_no}.zip", buf.getvalue()
