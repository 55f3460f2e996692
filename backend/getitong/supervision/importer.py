"""Inspector-pool Excel import (执法检查人员名录库登记表) with a row-by-row report, and the Excel exports.

A pool workbook holds a few thousand rows at most: it is read in streaming mode and checked in one
request; every row gets a status, and the rows that pass are written in one transaction.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.exceptions import InvalidFileException
from tortoise.transactions import in_transaction

from getitong.common import xlsx
from getitong.core import audit
from getitong.staff import scope
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require
from getitong.supervision import errors as e
from getitong.supervision.models import Inspector
from getitong.supervision.workflow import INSPECTOR_TYPE_BY_LABEL

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# (header, field, required)
COLUMNS = [("姓名", "name", True), ("性别", "gender", False), ("学历", "education", False),
           ("人员类型", "types", True), ("监督检查（执法）种类", "categories", True),
           ("监督检查（执法）区域", "region", False), ("执法证号", "cert_no", False),
           ("有效期限起始时间", "cert_valid_from", False), ("有效期限截止时间", "cert_valid_to", False),
           ("发证机关", "cert_issuer", False), ("专业技能", "skills", False), ("人员在岗状态", "on_duty", False)]

IMPORTED, INCOMPLETE, NO_USER, AMBIGUOUS, DUPLICATE, INVALID = (
    "imported", "incomplete", "no_user", "ambiguous", "duplicate", "invalid")
STATUS_LABELS = {IMPORTED: "导入成功", INCOMPLETE: "必填项不全", NO_USER: "人员不存在", AMBIGUOUS: "重名或有多个机关",
                 DUPLICATE: "重复导入", INVALID: "数据格式不正确"}
SUMMARY = [(INCOMPLETE, "填写数据不完整的"), (NO_USER, "本机关范围内不存在可匹配的用户信息的"),
           (AMBIGUOUS, "存在重名用户或用户存在多个所属机关，有待明确的"), (DUPLICATE, "已存在或导入清单中重复的"),
           (INVALID, "数据格式不正确的")]


def _key(text: Any) -> str:
    return str(text or "").strip().lstrip("*＊").strip()


def template_bytes() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "执法检查人员名录库登记表"
    ws.append([("*" if req else "") + h for h, _, req in COLUMNS])
    ws.append(["刘勇", "男", "研究生", "专业技术", "工商行政管理", "黄石", "鄂黄100020011", "2024年1月1日",
               "2028年7月1日", "黄石市市场监督管理局", "食品安全、计量", "在岗"])
    notes = wb.create_sheet("填写说明")
    notes.append(["说明"])
    for line in ("人员所属单位由人员姓名自动匹配（本机构及下级机构的系统用户），导入时无须填写。",
                 "人员类型：综合管理、专业技术、行政执法、其他，多个用顿号分隔。",
                 "监督检查（执法）种类可填多个，用顿号分隔；专业技能同样。",
                 "日期格式：2000年12月30日 或 2000-12-30。人员在岗状态：在岗 / 不在岗，留空为在岗。"):
        notes.append([line])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _split(value: Any) -> list[str]:
    return [x.strip() for x in re.split(r"[、,，;；/\s]+", str(value or "")) if x.strip()]


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?", text)
    if not m:
        raise ValueError(text)
    return date(int(m[1]), int(m[2]), int(m[3]))


@dataclass
class Row:
    row_no: int
    values: dict[str, Any]
    status: str = ""
    reason: str = ""
    staff: StaffUser | None = None
    parsed: dict[str, Any] | None = None


def _read(data: bytes, max_rows: int) -> list[Row]:
    if not data.startswith(b"PK\x03\x04"):
        raise e.ImportFileInvalid()
    try:
        wb = xlsx.load_read_only(data)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise e.ImportFileInvalid() from exc
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [_key(v) for v in next(rows, ())]
        cols = {f: header.index(h) for h, f, _ in COLUMNS if h in header}
        missing = [h for h, f, req in COLUMNS if req and f not in cols]
        if missing:
            raise e.ImportHeaderInvalid("表头与模板不一致，缺少列：" + "、".join(missing), data={"missing": missing})
        out = []
        for row_no, values in enumerate(rows, start=2):
            if not any(v not in (None, "") and str(v).strip() for v in values):
                continue
            if len(out) >= max_rows:
                raise e.ImportTooManyRows(f"单个文件最多 {max_rows} 行数据，请拆分后导入", data={"max_rows": max_rows})
            out.append(Row(row_no, {f: values[i] if i < len(values) else None for f, i in cols.items()}))
        return out
    finally:
        wb.close()


def _parse(row: Row) -> None:
    v = row.values
    name = str(v.get("name") or "").strip()
    types = _split(v.get("types"))
    categories = _split(v.get("categories"))
    missing = [h for h, f, req in COLUMNS if req and not {"name": name, "types": types,
                                                          "categories": categories}[f]]
    if missing:
        row.status, row.reason = INCOMPLETE, "缺少：" + "、".join(missing)
        return
    bad_types = [t for t in types if t not in INSPECTOR_TYPE_BY_LABEL]
    if bad_types:
        row.status, row.reason = INVALID, f"人员类型「{'、'.join(bad_types)}」无效"
        return
    try:
        start, end = _date(v.get("cert_valid_from")), _date(v.get("cert_valid_to"))
    except ValueError as exc:
        row.status, row.reason = INVALID, f"日期「{exc}」格式不正确，应为 2000年12月30日"
        return
    if start and end and end < start:
        row.status, row.reason = INVALID, "有效期限截止时间早于起始时间"
        return
    gender = str(v.get("gender") or "").strip()
    duty = str(v.get("on_duty") or "").strip()
    row.parsed = {"name": name, "gender": gender if gender in ("男", "女") else "",
                  "education": str(v.get("education") or "").strip()[:32],
                  "types": [INSPECTOR_TYPE_BY_LABEL[t].value for t in dict.fromkeys(types)],
                  "categories": list(dict.fromkeys(categories))[:10], "region": str(v.get("region") or "").strip()[:64],
                  "cert_no": str(v.get("cert_no") or "").strip()[:64], "cert_valid_from": start, "cert_valid_to": end,
                  "cert_issuer": str(v.get("cert_issuer") or "").strip()[:128],
                  "skills": _split(v.get("skills"))[:20], "on_duty": duty not in ("不在岗", "否", "离岗")}


async def import_inspectors(*, actor: StaffUser, data: bytes, max_rows: int) -> dict[str, Any]:
    """Match each row to one staff user of the actor's scope by name and add it to the pool."""
    require(actor, Perm.INSPECTOR_MANAGE)
    rows = _read(data, max_rows)
    for r in rows:
        _parse(r)
    names = {r.parsed["name"] for r in rows if r.parsed}
    users: dict[str, list[StaffUser]] = defaultdict(list)
    if names:
        for u in await scope.scoped(StaffUser.filter(name__in=list(names), is_active=True), actor):
            users[u.name].append(u)
    pooled = set(await Inspector.filter(staff_id__in=[u.id for us in users.values() for u in us])
                 .values_list("staff_id", flat=True))
    seen: dict[int, int] = {}
    for r in rows:
        if r.parsed is None:
            continue
        found = users.get(r.parsed["name"], [])
        if not found:
            r.status, r.reason = NO_USER, "本机构及下级机构中没有该姓名的用户账号，请先建立账号"
        elif len(found) > 1:
            r.status, r.reason = AMBIGUOUS, f"有 {len(found)} 个同名用户（" + "、".join(
                sorted({str(u.org_id) for u in found})) + " 号机构），请在页面上逐个添加"
        elif found[0].id in pooled:
            r.status, r.reason = DUPLICATE, "该人员已在执法人员名录库中"
        elif found[0].id in seen:
            r.status, r.reason = DUPLICATE, f"与本文件第{seen[found[0].id]}行重复"
        else:
            seen[found[0].id] = r.row_no
            r.status, r.staff = IMPORTED, found[0]
    good = [r for r in rows if r.status == IMPORTED]
    orgs = {o.id: o.name for o in await Org.filter(id__in=list({r.staff.org_id for r in good if r.staff}))}
    if good:
        async with in_transaction() as conn:
            created = []
            for r in good:
                staff, parsed = r.staff, r.parsed or {}
                if staff is None:
                    continue
                values = parsed | {"name": staff.name}
                x = await Inspector.create(staff_id=staff.id, org_id=staff.org_id, using_db=conn, **values)
                created.append(x.id)
            await audit.record(actor=actor, action="inspection.inspector.import", target_type="supervision_inspector",
                               target_id=",".join(map(str, created[:50])), after={"imported": len(created)},
                               using_db=conn)
    counts = Counter(r.status for r in rows)
    failed = len(rows) - counts[IMPORTED]
    summary = f"导入完成！共导入{len(rows)}条；成功导入{counts[IMPORTED]}条；失败{failed}条"
    parts = [f"{label}{counts[k]}条" for k, label in SUMMARY if counts[k]]
    if parts:
        summary += "； 其中" + "； ".join(parts)
    summary += "。"
    return {"total": len(rows), "imported": counts[IMPORTED], "failed": failed,
            "counts": {k: counts[k] for k in STATUS_LABELS}, "summary": summary,
            "rows": [{"row": r.row_no, "name": str(r.values.get("name") or "").strip(),
                      "cert_no": str(r.values.get("cert_no") or "").strip(),
                      "categories": str(r.values.get("categories") or "").strip(),
                      "org_name": orgs.get(r.staff.org_id) if r.staff else None, "status": r.status,
                      "status_label": STATUS_LABELS[r.status], "reason": r.reason} for r in rows]}


def workbook(title: str, header: list[str], rows: list[list[Any]]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def inspectors_xlsx(items: list[dict[str, Any]]) -> bytes:
    return workbook("执法人员名录", ["姓名", "所属机关", "性别", "学历", "人员类型", "监督检查（执法）种类",
                                "监督检查（执法）区域", "执法证号", "有效期限起始时间", "有效期限截止时间", "发证机关",
                                "专业技能", "人员在岗状态", "状态"],
                    [[x["name"], x["org_name"], x["gender"], x["education"], "、".join(x["type_labels"]),
                      "、".join(x["categories"]), x["region"], x["cert_no"], x["cert_valid_from"], x["cert_valid_to"],
                      x["cert_issuer"], "、".join(x["skills"]), "在岗" if x["on_duty"] else "不在岗",
                      x["status_label"]] for x in items])


def plans_xlsx(items: list[dict[str, Any]]) -> bytes:
    return workbook("抽查方案", ["抽查编号", "抽查方案名称", "制定机关", "制定日期", "抽查开始时间", "抽查截止时间",
                             "抽查依据", "牵头部门", "协同部门", "抽查比例（%）", "分组企业数", "状态", "抽取主体数"],
                    [[x["code"], x["name"], x["org_name"], x["made_on"], x["start_on"], x["end_on"], x["basis"],
                      x["lead_department"], "、".join(x["partner_departments"]), x["ratio"], x["group_size"],
                      x["status_label"], (x["draw"] or {}).get("drawn_count")] for x in items])


def targets_xlsx(items: list[dict[str, Any]]) -> bytes:
    return workbook("抽查主体", ["抽查方案", "主体名称", "统一社会信用代码", "注册号", "主体类型", "经营者", "住所",
                             "登记机关", "必查", "抽查组", "确认状态", "抽查人员", "结果状态", "检查结果"],
                    [[x.get("plan_name") or x["plan_id"], x["business_name"], x["uscc"], x["reg_no"], x["kind_label"],
                      x["operator_name"], x["address"], x["org_name"], "是" if x["must_check"] else "否", x["pack_no"],
                      x["confirm_label"], "、".join(i["name"] for i in x["inspectors"]), x["result_status_label"],
                      ((x.get("result") or {}).get("outcome_label") or "")] for x in items])
