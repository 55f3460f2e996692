"""The self-service catalog (seed 002 §2.1.2.1/§2.1.2.3): individual-business types with their fixed business
scope, the standard scope wording (经营范围规范表述) that may be added, and the option lists of the forms.

Pure data. A type fixes its industry, its name wording and its scope; the main item (主营项目) cannot be removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ScopeKind(StrEnum):
    LICENSED = "licensed"  # 许可项目
    GENERAL = "general"    # 一般项目


SCOPE_KIND_LABELS = {ScopeKind.LICENSED: "许可项目", ScopeKind.GENERAL: "一般项目"}
SCOPE_TAILS = {
    ScopeKind.LICENSED: "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）",
    ScopeKind.GENERAL: "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）",
}

# 经营范围规范表述 (a subset): item → kind. Items outside it may be typed in, but then the rule
# `scope_standard` sends the application to a person.
SCOPE_CATALOG: dict[str, ScopeKind] = {
    "餐饮服务": ScopeKind.LICENSED, "小餐饮": ScopeKind.LICENSED, "食品销售": ScopeKind.LICENSED,
    "烟草制品零售": ScopeKind.LICENSED, "酒类经营": ScopeKind.LICENSED, "理发服务": ScopeKind.LICENSED,
    "外卖递送服务": ScopeKind.GENERAL, "食品销售（仅销售预包装食品）": ScopeKind.GENERAL,
    "日用百货销售": ScopeKind.GENERAL, "新鲜水果零售": ScopeKind.GENERAL, "新鲜蔬菜零售": ScopeKind.GENERAL,
    "食用农产品零售": ScopeKind.GENERAL, "服装服饰零售": ScopeKind.GENERAL, "鞋帽零售": ScopeKind.GENERAL,
    "箱包销售": ScopeKind.GENERAL, "美甲服务": ScopeKind.GENERAL, "化妆品零售": ScopeKind.GENERAL,
    "通讯设备修理": ScopeKind.GENERAL, "电子产品销售": ScopeKind.GENERAL, "五金产品零售": ScopeKind.GENERAL,
    "建筑材料销售": ScopeKind.GENERAL, "日用杂品销售": ScopeKind.GENERAL, "文具用品零售": ScopeKind.GENERAL,
    "互联网销售（除销售需要许可的商品）": ScopeKind.GENERAL, "家用电器销售": ScopeKind.GENERAL,
}


@dataclass(frozen=True)
class BusinessType:
    code: str
    label: str
    industry: str          # 行业类型, as the register keeps it (business.industry)
    industry_words: tuple[str, ...]  # what the name may say for the industry (行业表述)
    main_item: str
    items: tuple[str, ...]  # the given scope, main item first

    def scope(self) -> list[dict[str, object]]:
        return [scope_item(text, given=True, main=text == self.main_item) for text in self.items]


def scope_item(text: str, *, given: bool = False, main: bool = False) -> dict[str, object]:
    kind = SCOPE_CATALOG.get(text, ScopeKind.GENERAL)
    return {"text": text, "kind": kind.value, "kind_label": SCOPE_KIND_LABELS[kind], "main": main, "given": given,
            "standard": text in SCOPE_CATALOG}


BUSINESS_TYPES: dict[str, BusinessType] = {t.code: t for t in [
    BusinessType("small_restaurant", "小餐饮", "餐饮业", ("餐饮", "小吃", "饺子", "面馆", "快餐", "早餐"), "小餐饮",
                 ("小餐饮", "餐饮服务", "外卖递送服务")),
    BusinessType("convenience_store", "便利店", "零售业", ("便利", "超市", "副食", "百货"),
                 "食品销售（仅销售预包装食品）", ("食品销售（仅销售预包装食品）", "日用百货销售", "烟草制品零售")),
    BusinessType("fruit_shop", "水果店", "零售业", ("水果", "果蔬", "鲜果"), "新鲜水果零售",
                 ("新鲜水果零售", "新鲜蔬菜零售", "食用农产品零售")),
    BusinessType("barber_shop", "理发店", "居民服务业", ("理发", "美发", "发型"), "理发服务",
                 ("理发服务", "美甲服务", "化妆品零售")),
    BusinessType("clothing_store", "服装店", "零售业", ("服装", "服饰", "时装"), "服装服饰零售",
                 ("服装服饰零售", "鞋帽零售", "箱包销售")),
    BusinessType("phone_repair", "手机维修", "修理业", ("手机维修", "通讯", "电子"), "通讯设备修理",
                 ("通讯设备修理", "电子产品销售")),
    BusinessType("hardware_store", "五金店", "零售业", ("五金", "建材", "五金建材"), "五金产品零售",
                 ("五金产品零售", "建筑材料销售", "日用杂品销售")),
]}

ORG_FORMS = ("店", "馆", "铺", "坊", "行", "部", "厅", "屋", "社", "工作室", "经营部", "服务部")

ETHNICITIES = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
    "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
    "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
    "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族")
ID_TYPES = {"resident_id": "中华人民共和国居民身份证"}
POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "民主党派成员", "无党派人士", "群众")
EDUCATIONS = ("研究生", "大学本科", "大学专科", "中等专科", "高中", "初中", "小学", "其他")
EMPLOYMENT_STATUSES = ("城镇登记失业人员", "农村劳动力", "高校毕业生", "退役军人", "返乡创业人员", "在职人员", "其他")
GENDERS = {"male": "男", "female": "女"}
PROPERTY_TYPES = {"owned": "自有", "leased": "租赁", "free_use": "无偿使用"}
PROPERTY_USES = {"commercial": "商业用房", "residential": "住宅", "industrial": "工业用房", "other": "其他"}
