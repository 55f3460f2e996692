"""Realistic synthetic register rows: valid USCCs, ID numbers, Chinese names. Deterministic per seed."""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from getitong.entities.models import EntityKind, ScaleType
from getitong.entities.uscc import ALPHABET, check_char

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强海燕春生金凤国庆德胜小红建华"
BRANDS = ["老王", "福满", "鑫源", "佳佳", "万家", "利民", "顺发", "德兴", "好运来", "金辉", "荆楚", "楚天", "长江", "汉味",
          "聚福", "兴旺", "和美", "乐购", "喜盈门", "康宁", "益民", "同心", "宏达", "春晖", "华泰", "东方", "磁湖", "黄梅"]
INDUSTRIES = [("小吃店", "餐饮业"), ("便利店", "零售业"), ("理发店", "居民服务业"), ("副食店", "零售业"),
              ("五金店", "零售业"), ("水果店", "零售业"), ("服装店", "零售业"), ("面馆", "餐饮业"), ("汽车修理部", "修理业"),
              ("农家乐", "餐饮业"), ("干洗店", "居民服务业"), ("手机维修部", "修理业"), ("烟酒店", "零售业"),
              ("早餐店", "餐饮业"), ("药店", "零售业"), ("建材经营部", "批发业"), ("养殖场", "畜牧业"), ("茶叶店", "零售业")]
# 经营范围 wording of each kind of shop (the shop's registered scope in demo data).
SCOPES = {
    "小吃店": "餐饮服务（小型餐馆，不含冷食类、生食类食品制售）；预包装食品销售", "面馆": "餐饮服务（小型餐馆）；预包装食品销售",
    "早餐店": "餐饮服务（小型餐馆，早餐）", "农家乐": "餐饮服务；住宿服务；农业观光旅游",
    "便利店": "预包装食品、散装食品销售；日用百货零售；卷烟零售", "副食店": "预包装食品、散装食品销售；日用百货零售",
    "水果店": "新鲜水果零售；预包装食品销售", "烟酒店": "卷烟、雪茄烟零售；预包装食品（含酒类）销售",
    "茶叶店": "茶叶及预包装食品销售", "药店": "药品零售；医疗器械经营；保健食品销售",
    "服装店": "服装、鞋帽零售", "五金店": "五金交电、日用杂品零售", "建材经营部": "建筑材料、装饰材料批发零售",
    "理发店": "理发服务；美容服务（非医疗）", "干洗店": "洗染服务", "汽车修理部": "机动车维修（二类）；汽车零配件零售",
    "手机维修部": "日用电器修理；通讯设备零售", "养殖场": "牲畜饲养；家禽饲养",
}
TAGS = ["名", "特", "优", "新"]
STREETS = ["团城山街道", "新下陆街道", "东方山街道", "老下陆街道", "黄石大道", "杭州东路", "广州路", "湖滨大道", "中山路",
           "解放路", "建设路", "人民路"]
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number(rng: random.Random, region_code: str) -> str:
    """A GB 11643 citizen ID with a valid check digit (synthetic, for demo data only)."""
    born = date(1960, 1, 1) + timedelta(days=rng.randint(0, 365 * 42))
    body = f"{region_code[:6]}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def make_uscc(rng: random.Random, region_code: str, kind: EntityKind) -> str:
    prefix = {EntityKind.INDIVIDUAL: "92", EntityKind.ENTERPRISE: "91", EntityKind.COOPERATIVE: "93"}[kind]
    body = prefix + region_code[:6] + "MA" + "".join(rng.choice(ALPHABET) for _ in range(7))
    return body + check_char(body)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


@dataclass
class Row:
    uscc: str
    reg_no: str
    name: str
    kind: EntityKind
    operator_name: str
    operator_id: str
    region_code: str
    industry: str
    address: str
    capital: Decimal
    business_scope: str
    established_on: date
    scale_type: ScaleType
    tags: list[str]


def _capital(code: str, kind: EntityKind) -> Decimal:
    """资金数额 in 万元: 0.5–50 for an individual business, 10–500 otherwise (stable for a code)."""
    n = zlib.crc32(code.encode())
    return Decimal(n % 100 + 1) / 2 if kind is EntityKind.INDIVIDUAL else Decimal(n % 50 + 1) * 10


def rows(rng: random.Random, count: int, districts: list[tuple[str, str]], seen: set[str]) -> Iterator[Row]:
    """`districts` is [(region_code, short name)]; `seen` keeps USCCs unique across calls."""
    made = 0
    while made < count:
        region_code, place = rng.choice(districts)
        roll = rng.random()
        kind = EntityKind.INDIVIDUAL if roll < 0.9 else EntityKind.ENTERPRISE if roll < 0.97 else EntityKind.COOPERATIVE
        code = make_uscc(rng, region_code, kind)
        if code in seen:
            continue
        seen.add(code)
        made += 1
        shop, industry = rng.choice(INDUSTRIES)
        brand = rng.choice(BRANDS) + rng.choice(["", "", "记", "源", "佳", "兴"])
        if kind is EntityKind.INDIVIDUAL:
            name = f"{place}{brand}{shop}"
        elif kind is EntityKind.ENTERPRISE:
            name = f"黄石市{brand}{industry.removesuffix('业')}有限公司" if rng.random() < 0.5 \
                else f"湖北{brand}商贸有限公司"
        else:
            name = f"{place}{brand}种植专业合作社"
        yield Row(
            uscc=code, reg_no=f"{region_code[:6]}6{rng.randint(0, 10**8 - 1):08d}", name=name, kind=kind,
            operator_name=person_name(rng), operator_id=id_number(rng, region_code), region_code=region_code,
            industry=industry, address=f"{place}{rng.choice(STREETS)}{rng.randint(1, 399)}号",
            # From the code, not the generator: the random sequence (and so every other demo value) is unchanged.
            capital=_capital(code, kind), business_scope=SCOPES[shop],
            established_on=date(2008, 1, 1) + timedelta(days=rng.randint(0, 365 * 16)),
            scale_type=rng.choices(list(ScaleType), weights=(6, 3, 1))[0],
            tags=rng.sample(TAGS, 1) if rng.random() < 0.05 else [],
        )
