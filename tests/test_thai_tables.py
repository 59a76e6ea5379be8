"""The tables the Thai kit builds once at import: month names for typed dates, the readings of 0..999 for baht
in words.  Built at import, so a test of the public functions never sees a change to the builder; these call
the builders themselves and compare with tables written out by hand."""

from __future__ import annotations

from pos_app.thai import dates, words

THAI = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
        "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
THAI_SHORT = ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"]  # dots dropped
ENGLISH = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


def test_every_month_name_typed_in_thai_or_english_finds_its_month() -> None:
    expected = {}
    for month, names in enumerate(zip(THAI, THAI_SHORT, ENGLISH, strict=True), start=1):
        for name in (*names, names[2][:3]):
            expected[name] = month
    expected["sept"] = 9
    assert len(expected) == 12 * 4 - 1 + 1  # "may" is its own short form; "sept" added
    assert dates._month_names() == expected


def test_the_low_places_read_0_to_999_with_et_after_a_higher_digit() -> None:
    table = words._low_table()
    assert len(table) == 1000
    assert [table[n] for n in (0, 1, 2, 9, 10, 11, 12, 20, 21, 99, 100, 101, 110, 111, 120, 205, 999)] == [
        "", "หนึ่ง", "สอง", "เก้า", "สิบ", "สิบเอ็ด", "สิบสอง", "ยี่สิบ", "ยี่สิบเอ็ด", "เก้าสิบเก้า",
        "หนึ่งร้อย", "หนึ่งร้อยเอ็ด", "หนึ่งร้อยสิบ", "หนึ่งร้อยสิบเอ็ด", "หนึ่งร้อยยี่สิบ", "สองร้อยห้า",
        "เก้าร้อยเก้าสิบเก้า"]


def test_the_high_places_read_0_to_999_as_saen_muen_phan() -> None:
    table = words._high_table()
    assert len(table) == 1000
    assert [table[n] for n in (0, 1, 2, 10, 11, 21, 100, 101, 123, 205, 999)] == [
        "", "หนึ่งพัน", "สองพัน", "หนึ่งหมื่น", "หนึ่งหมื่นหนึ่งพัน", "สองหมื่นหนึ่งพัน", "หนึ่งแสน",
        "หนึ่งแสนหนึ่งพัน", "หนึ่งแสนสองหมื่นสามพัน", "สองแสนห้าพัน", "เก้าแสนเก้าหมื่นเก้าพัน"]
