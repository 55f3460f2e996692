"""Registration bench (issue 8): the automatic-approval path (智能审批) — submit → approved, documents included.

    python bench/registration_bench.py generate   # N applicants (persons) in the database, access tokens minted
    python bench/registration_bench.py measure    # fill N wizards (untimed), then time submit + licence PDF

Started by bench/registration_run.sh, which provides everything through the environment (DATABASE_URL, the
secrets, BENCH_API_URL, BENCH_* knobs). Each applicant fills the whole wizard through the API (type, name,
operator with an uploaded ID photo, basic information, confirm, real name, signature by link); those steps are
not timed. Then every application is submitted, BENCH_REG_CONCURRENCY at a time: one timed unit is the submit
(rule engine, USCC, register row, archive, licence data with its QR code in the reply) plus the download of the
licence PDF. Throughput = approvals per second of wall time; p50/p99 of the unit and of the submit alone.
Target: p99 ≤ 1 s. A missed target prints MISS and never fails the run; the exit code is non-zero only when the
measurement broke (an answer other than 200, an application not approved, an invalid USCC).
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import platform
import random
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENV = os.environ
TARGET_P99 = 1.0
# Trade names: three characters from a neutral set (no forbidden word can form from them).
CHARS = "春夏秋冬梅兰竹菊松柏桃李杏荷安康福禄瑞祥和顺兴隆盛昌丰泰锦绣晨曦云霞溪泉林森禾苗麦稻茶香甜鲜乐悦欣怡嘉佳"
MP = "/api/v1/mp/registrations"


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def die(message: str) -> None:
    sys.stderr.write(f"registration bench: {message}\n")
    sys.exit(1)


def _n() -> int:
    return int(ENV.get("BENCH_REG", "1000"))


def _tokens_path() -> Path:
    return Path(ENV.get("BENCH_WORK_DIR", "/tmp")) / "registration_tokens.json"


def id_number(rng: random.Random) -> str:
    from getitong.party.idcard import check_char

    born = date(1970 + rng.randint(0, 30), rng.randint(1, 12), rng.randint(1, 28))
    body = f"420204{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + check_char(body)


async def generate() -> None:
    """N applicants (persons without a business yet) and an access token for each."""
    from tortoise.transactions import in_transaction

    from getitong.accounts.models import Person
    from getitong.core import db
    from getitong.core.security import FieldCipher, TokenCodec
    from getitong.core.settings import Settings

    settings = Settings()
    cipher, codec = FieldCipher(settings), TokenCodec(settings)
    await db.init(settings)
    try:
        n = _n()
        rows = []
        now = datetime.now(UTC)
        for i in range(n):
            phone = f"166{i:08d}"
            rows.append(Person(phone_index=cipher.blind_index(phone), phone_enc=cipher.encrypt(phone),
                               name="申请人", privacy_version=settings.privacy_policy_version,
                               privacy_agreed_at=now))
        async with in_transaction() as conn:
            await Person.bulk_create(rows, batch_size=1000, using_db=conn)
        people = await Person.filter(phone_enc__not="").order_by("id").values_list("id", "phone_enc")
        tokens = []
        for pid, enc in people:
            phone = cipher.decrypt(enc)
            if phone and phone.startswith("166"):
                tokens.append({"phone": phone, "token": codec.issue(subject_type="person", subject_id=pid)})
        _tokens_path().write_text(json.dumps(tokens))
        say(f"registration bench: {len(tokens)} applicants ready")
    finally:
        await db.close()


def _png(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (80, 40), (255, 255, 255))
    ImageDraw.Draw(img).line((5, 30, 30, 5, 60, 30, 75, 10), fill=(seed % 200, 30, 60), width=3)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


class Broken(Exception):
    pass


def _ok(r: Any, what: str) -> dict[str, Any]:
    if r.status_code not in (200, 201):
        raise Broken(f"{what}: HTTP {r.status_code} {r.text[:300]}")
    return r.json()["data"] if r.headers.get("content-type", "").startswith("application/json") else {}


async def fill(http: Any, token: str, phone: str, rng: random.Random, used: set[str]) -> int:
    """The whole wizard up to a signed application (untimed)."""
    h = {"Authorization": f"Bearer {token}"}
    reg = _ok(await http.post(MP, json={"business_type": "small_restaurant"}, headers=h), "create")
    rid = reg["id"]
    for _ in range(20):
        trade = "".join(rng.choice(CHARS) for _ in range(3))
        if trade in used:
            continue
        used.add(trade)
        r = await http.put(f"{MP}/{rid}/name", headers=h, json={
            "named": True, "region_code": "420204", "trade_name": trade, "industry_word": "饺子", "org_form": "馆",
            "commitment_accepted": True, "place": f"湖北省黄石市下陆区团城山街道杭州东路{rng.randint(1, 999)}号",
            "capital": str(rng.randint(1, 50))})
        if r.status_code == 200:
            break
        if r.status_code != 409:
            _ok(r, "name")
    else:
        raise Broken("no free trade name after 20 tries")
    photo = _ok(await http.post("/api/v1/mp/uploads", headers=h, files={"file": ("id.png", _png(rid))}), "upload")
    number = id_number(rng)
    _ok(await http.put(f"{MP}/{rid}/operator", headers=h, json={
        "name": "申请人", "gender": "male" if int(number[16]) % 2 else "female", "ethnicity": "汉族",
        "id_type": "resident_id", "id_number": number, "id_valid_from": "2020-01-01", "id_long_term": True,
        "phone": phone, "email": "bench@example.com", "address": "湖北省黄石市下陆区老下陆街道1号",
        "postcode": "435000", "political_status": "群众", "education": "高中", "employment_status": "其他",
        "id_photo_file_id": photo["id"]}), "operator")
    _ok(await http.put(f"{MP}/{rid}/basic", headers=h, json={
        "store_name": "饺子馆", "urban": True, "postcode": "435000", "staff_count": 2, "paper_license": True,
        "scope": ["小餐饮", "餐饮服务", "外卖递送服务"],
        "residence": {"street": "团城山街道", "house_no": "1号", "property_type": "leased", "property_use": "commercial",
                      "owner_name": "某物业公司", "area_sqm": "30"}}), "basic")
    signer = _ok(await http.post(f"{MP}/{rid}/confirm", headers=h), "confirm")["signers"][0]
    _ok(await http.post(f"{MP}/{rid}/signers/{signer['id']}/realname", headers=h,
                        json={"name": "申请人", "id_number": number}), "realname")
    _ok(await http.post(f"{MP}/signing/{signer['sign_token']}", files={"image": ("sig.png", _png(rid + 1))}), "sign")
    return rid


async def approve(http: Any, token: str, rid: int) -> tuple[float, float, str]:
    """The timed unit: submit (→ approved, licence data) + licence PDF. (unit s, submit s, USCC)."""
    h = {"Authorization": f"Bearer {token}"}
    t0 = time.perf_counter()
    data = _ok(await http.post(f"{MP}/{rid}/submit", headers=h), "submit")
    t1 = time.perf_counter()
    if data.get("outcome") != "approved" or not data.get("license", {}).get("qr_image"):
        raise Broken(f"application {rid} not approved automatically: {data.get('failed_rules')}")
    pdf = await http.get(f"{MP}/{rid}/documents/license", headers=h)
    if pdf.status_code != 200 or not pdf.content.startswith(b"%PDF"):
        raise Broken(f"licence PDF of {rid}: HTTP {pdf.status_code}")
    return time.perf_counter() - t0, t1 - t0, data["uscc"]


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s))) - 1))]


async def _pool(n: int, concurrency: int, work: Any) -> list[Any]:
    out: list[Any] = [None] * n
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)

    async def worker() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            out[i] = await work(i)

    await asyncio.gather(*[worker() for _ in range(concurrency)])
    return out


async def measure() -> None:
    import httpx

    from getitong.entities import uscc

    base = ENV["BENCH_API_URL"]
    conc = int(ENV.get("BENCH_REG_CONCURRENCY", "16"))
    people = json.loads(_tokens_path().read_text())
    rng = random.Random(int(ENV.get("BENCH_SEED", "8")))
    used: set[str] = set()
    limits = httpx.Limits(max_connections=conc, max_keepalive_connections=conc)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        started = time.perf_counter()
        try:
            ids = await _pool(len(people), conc, lambda i: fill(http, people[i]["token"], people[i]["phone"], rng,
                                                                 used))
        except Broken as exc:
            die(str(exc))
        prep = time.perf_counter() - started
        say(f"registration bench: {len(ids)} signed applications prepared in {prep:.1f} s (untimed)")
        started = time.perf_counter()
        try:
            results = await _pool(len(ids), conc, lambda i: approve(http, people[i]["token"], ids[i]))
        except Broken as exc:
            die(str(exc))
        wall = time.perf_counter() - started
    codes = [c for _, _, c in results]
    if len(set(codes)) != len(codes) or not all(uscc.is_valid(c) for c in codes):
        die("issued USCCs are not unique and valid")
    unit = [u for u, _, _ in results]
    submit = [s for _, s, _ in results]
    report = {
        "bench": "registration", "at": datetime.now(UTC).isoformat(), "host": platform.node(),
        "cpus": os.cpu_count(), "workers": int(ENV.get("WORKERS", "2")), "applications": len(results),
        "concurrency": conc, "prepare_seconds": round(prep, 2), "wall_seconds": round(wall, 3),
        "approvals_per_second": round(len(results) / wall, 1),
        "unit_p50_ms": round(_pct(unit, 50) * 1000, 1), "unit_p99_ms": round(_pct(unit, 99) * 1000, 1),
        "submit_p50_ms": round(_pct(submit, 50) * 1000, 1), "submit_p99_ms": round(_pct(submit, 99) * 1000, 1),
        "target_p99_ms": TARGET_P99 * 1000,
    }
    say("")
    say(f"automatic approval (submit → approved + licence PDF), {len(results)} applications, {conc} at a time, "
        f"{report['workers']} API workers")
    say(f"  approvals/s        {report['approvals_per_second']:>10}")
    say(f"  unit p50 / p99     {report['unit_p50_ms']:>7} ms / {report['unit_p99_ms']} ms")
    say(f"  submit p50 / p99   {report['submit_p50_ms']:>7} ms / {report['submit_p99_ms']} ms")
    verdict = "OK" if report["unit_p99_ms"] <= TARGET_P99 * 1000 else "MISS"
    say(f"  target p99 ≤ {TARGET_P99:.0f} s: {verdict}")
    _write(report)


def _write(report: dict[str, Any]) -> None:
    out_dir = Path(ENV.get("BENCH_RESULTS_DIR", HERE / "results"))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"registration-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    say(f"  written to {path}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "generate":
        asyncio.run(generate())
    elif command == "measure":
        asyncio.run(measure())
    else:
        die("usage: registration_bench.py generate|measure")
