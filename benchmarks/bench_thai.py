"""Thai kit speed: amounts in words, PromptPay payloads, sorting 10,000 Thai product names.

Each figure is compared with a floor measured in the same run (``f"{x:,}"`` of the same amounts; the same
payload text with the C CRC ``binascii.crc_hqx``; ``sorted()`` by code point), and carries its absolute
target from issue 10 in ``extra`` (keys ending ``_ok``).
"""

from __future__ import annotations

import binascii
import random
from collections.abc import Iterator

from benchmarks.harness import Figure, best_of
from pos_app.thai import baht_words, promptpay_payload, thai_sort_key

WORDS = (
    "กะปิ ผง รส วาซาบิ ทรงเครื่อง ชา หญ้าหมอน้อย น้ำ สมุนไพร น้ำยา ล้างจาน ซักผ้า แชมพู สบู่ ขวด ถุง กล่อง "
    "เล็ก ใหญ่ กลาง ไก่ หมู ปลา กุ้ง ข้าว เหนียว ขนม เค้ก เปลือก ส้ม มะนาว ตะไคร้ ขิง ข่า ใบเตย อัญชัน มะพร้าว "
    "แห้ง สด หอม ไทย ชุมชน บางหัวเสือ คลองด่าน เผ็ด หวาน เค็ม เปรี้ยว ของฝาก พิเศษ แพ็ค คู่ ครึ่ง กิโล"
).split()
SIZES = ("", " 100 ก.", " 500 มล.", " 1 ลิตร", " (ใหม่)")


def product_names(n: int, seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 4))) + rng.choice(SIZES) for _ in range(n)
    ]


def amounts(n: int, seed: int = 10) -> list[int]:
    rng = random.Random(seed)
    return [rng.randint(0, 10 ** rng.randint(2, 13)) for _ in range(n)]


def _floor_payload(satang: int) -> str:
    amount = f"{satang // 100}.{satang % 100:02d}"
    body = (
        "00020101021229370016A00000067701011101130066812345678"
        f"5802TH530376454{len(amount):02d}{amount}6304"
    )
    return body + f"{binascii.crc_hqx(body.encode('ascii'), 0xFFFF):04X}"


def figures() -> Iterator[Figure]:
    values = amounts(20_000)
    per = best_of(lambda: [baht_words(v) for v in values], repeat=5) / len(values)
    floor = best_of(lambda: [f"{v:,}" for v in values], repeat=5) / len(values)
    rate = 1 / per
    yield Figure(
        "baht_words",
        "µs/amount",
        per * 1e6,
        floor * 1e6,
        target_ratio=15.0,
        extra={"per_second": round(rate), "target_per_second": 200_000, "per_second_ok": rate >= 200_000},
    )

    charges = [v for v in amounts(5_000, seed=11) if 0 < v <= 999_999_999_999] or [422]
    per = best_of(lambda: [promptpay_payload("0812345678", v) for v in charges], repeat=5) / len(charges)
    floor = best_of(lambda: [_floor_payload(v) for v in charges], repeat=5) / len(charges)
    rate = 1 / per
    yield Figure(
        "promptpay_payload",
        "µs/payload",
        per * 1e6,
        floor * 1e6,
        target_ratio=20.0,
        extra={"per_second": round(rate), "target_per_second": 50_000, "per_second_ok": rate >= 50_000},
    )

    names = product_names(10_000)
    took = best_of(lambda: sorted(names, key=thai_sort_key), repeat=5)
    floor = best_of(lambda: sorted(names), repeat=5)
    yield Figure(
        "thai_sort_10k",
        "ms",
        took * 1e3,
        floor * 1e3,
        target_ratio=30.0,
        extra={"target_ms": 50, "target_ms_ok": took * 1e3 <= 50},
    )
