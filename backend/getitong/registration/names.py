"""Name declaration (核名, seed 002 §2.1.2.1): the classes of forbidden content, each a named pure check.

A name is 行政区划 + 字号 + 行业表述 + 组织形式. The applicant writes the 字号 and the 行业表述; those are checked
against every class below, in order, and the first hit is reported with its class named. The word lists are
deliberately short and conservative: what they miss is caught by a person when the application goes to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Latin letters (half and full width), Arabic digits (half and full width) and any other non-Chinese character.
_LETTERS_DIGITS = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
_NOT_CHINESE = re.compile(r"[^\u4e00-\u9fff]")
# 部队番号: a number (Chinese numerals) followed by a military unit word.
_UNIT_NUMBER = re.compile(r"[零〇一二三四五六七八九十百千万]+(部队|军|师|旅|团|营|连|舰队|支队|大队|中队)")


@dataclass(frozen=True)
class NameClass:
    code: str
    label: str
    words: tuple[str, ...] = ()


NAME_CLASSES: tuple[NameClass, ...] = (
    NameClass("public_interest", "损害国家利益、社会公共利益",
              ("国家", "中国", "中央", "中华", "全国", "国务院", "国营", "国有", "分裂", "反动", "卖国", "台独", "藏独", "恐怖")),
    NameClass("superstition_obscenity_violence", "含有迷信、淫秽、暴力或者不符合民族、宗教习俗等内容",
              ("算命", "占卜", "风水", "神仙", "鬼神", "阴间", "色情", "淫", "裸", "赌", "暴力", "血腥", "杀", "砍人",
               "毒品", "邪教", "佛祖", "真主", "清真寺")),
    NameClass("misleading", "可能对公众造成欺骗或者误解",
              ("第一", "最好", "最佳", "顶级", "特供", "专供", "国家级", "驰名", "官方", "世界", "银行", "证券", "保险",
               "医院", "学校", "大学", "研究院")),
    NameClass("foreign_or_international", "含有外国国家（地区）名称、国际组织名称",
              ("美国", "日本", "韩国", "英国", "法国", "德国", "意大利", "俄罗斯", "泰国", "新加坡", "澳大利亚", "加拿大",
               "巴黎", "纽约", "伦敦", "东京", "首尔", "联合国", "世卫", "欧盟", "北约", "东盟", "奥委会", "国际")),
    NameClass("party_state_army", "含有政党名称、党政军机关名称、群团组织名称、社会组织名称及部队番号",
              ("共产党", "国民党", "民主党", "党委", "党支部", "政府", "人大", "政协", "公安", "派出所", "法院", "检察院",
               "解放军", "武警", "军区", "部队", "共青团", "妇联", "工会", "红十字", "残联", "协会", "商会", "基金会")),
    NameClass("letters_digits", "含有外文、字母和阿拉伯数字"),
    NameClass("public_order", "违背公序良俗",
              ("黑社会", "流氓", "土匪", "地沟", "缺德", "骗子", "二奶", "小三", "丧心", "霸王")),
)
CLASS_LABELS = {c.code: c.label for c in NAME_CLASSES}


@dataclass(frozen=True)
class NameHit:
    code: str
    label: str
    text: str  # the offending word or character

    @property
    def reason(self) -> str:
        return f"名称不得{self.label}（“{self.text}”）"


def forbidden(text: str) -> NameHit | None:
    """The first forbidden-content class `text` falls into, or None."""
    for cls in NAME_CLASSES:
        if cls.code == "letters_digits":
            m = _LETTERS_DIGITS.search(text) or _NOT_CHINESE.search(text)
            if m:
                return NameHit(cls.code, cls.label, m.group(0))
            continue
        for word in cls.words:
            if word in text:
                return NameHit(cls.code, cls.label, word)
        if cls.code == "party_state_army":
            m = _UNIT_NUMBER.search(text)
            if m:
                return NameHit(cls.code, cls.label, m.group(0))
    return None


def compose(*, region_prefix: str, trade_name: str, industry_word: str, org_form: str) -> str:
    """行政区划 + 字号 + 行业表述 + 组织形式, e.g. 黄石市下陆区 + 穆静 + 饺子 + 馆."""
    return f"{region_prefix}{trade_name}{industry_word}{org_form}"
