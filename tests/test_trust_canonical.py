"""The canonical form of a document: hand-written expected text, the same on SQLite and PostgreSQL, and a
link hash that an independent (Python-side) encoding of the same rows reproduces."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from typing import Any

import peewee as pw
import pytest

from db.connection import OpenedDatabase
from db.models import Item, JournalEntry, NetworkGroup, Payment, PriceTier, Sale, SaleLine, Shop, Till, User
from db.models.trust import ChainLink, HashSchema
from pos_app.trust import canonical, chain
from pos_app.trust.journal import record
from tests.trust_helpers import drop_guards

U = {name: uuid.UUID(int=n) for n, name in enumerate(("group", "shop", "till", "user", "item", "sale", "pay"), 1)}
AT = dt.datetime(2026, 11, 24, 3, 4, 5, 678901, tzinfo=dt.UTC)


def make_sale(note: str = "กะปิ 333 g") -> None:
    chain.set_shop_secret(None)
    g = NetworkGroup.create(uuid=U["group"], code="G", name_th="กลุ่ม", name_en="Group")
    s = Shop.create(uuid=U["shop"], group=g, code="S", name_th="ร้าน", name_en="Shop")
    t = Till.create(uuid=U["till"], shop=s, code="T9", name="Till", last_receipt_no=1)
    u = User.create(uuid=U["user"], login="somsri", display_name="สมศรี", role="seller", pin_hash="x")
    tier = PriceTier.create(code="retail", name_th="ปลีก", name_en="Retail")
    i = Item.create(uuid=U["item"], sku="KAPI", kind="finished", base_unit="g", name_th="กะปิ", name_en="Kapi",
                    group=g)
    sale = Sale.create(uuid=U["sale"], till=t, number=1, seller=u, tier=tier, created_at=AT,
                       business_date=dt.date(2026, 11, 24), total_satang=3996, note=note)
    SaleLine.create(sale=sale, line_no=1, item=i, quantity=333, unit_price_satang=12000, per_quantity=1000,
                    amount_satang=3996)
    Payment.create(uuid=U["pay"], sale=sale, method="cash", amount_satang=3996, tendered_satang=5000,
                   change_satang=1004, created_at=AT, business_date=dt.date(2026, 11, 24))
    record("sale", U["sale"], AT, {}, till_id=t.id, user_id=u.id)


EXPECTED = (  # worked by hand from the rows make_sale writes, in the documented encoding
    "('h',)\n"
    "payment|00000000000000000000000000000007|00000000000000000000000000000006|4:cash|3996|5000|1004|N\n"
    "sale_line|00000000000000000000000000000006|1|00000000000000000000000000000005|333|12000|1000|3996\n"
    "sale|00000000000000000000000000000006|4:sale|00000000000000000000000000000003|1|"
    "00000000000000000000000000000004|6:retail|2026-11-24 03:04:05.678901|2026-11-24|3996|"
    "N|10:กะปิ 333 g"  # ก ะ ป ิ are four code points, " 333 g" six
)
KNOWN = {
    "sale": ["uuid", "kind", "till", "number", "seller", "tier", "created_at", "business_date", "total_satang",
             "refund_of", "note"],
    "sale_line": ["sale", "line_no", "item", "quantity", "unit_price_satang", "per_quantity", "amount_satang"],
    "payment": ["uuid", "sale", "method", "amount_satang", "tendered_satang", "change_satang", "confirmed_by"],
}


EXPECTED_V2 = (  # the same rows in hash_version v2's lines (a JSON array a row), with the journal entry
    "('h',)\n"
    'journal_entry|["sale","00000000000000000000000000000006","00000000000000000000000000000003",'
    '"00000000000000000000000000000004","2026-11-24 03:04:05.678901","{}"]\n'
    'payment|["00000000000000000000000000000007","00000000000000000000000000000006","cash",3996,5000,1004,null]\n'
    'sale_line|["00000000000000000000000000000006",1,"00000000000000000000000000000005",333,12000,1000,3996]\n'
    'sale|["00000000000000000000000000000006","sale","00000000000000000000000000000003",1,'
    '"00000000000000000000000000000004","retail","2026-11-24 03:04:05.678901","2026-11-24",3996,null,'
    '"กะปิ 333 g"]'
)
KNOWN_V2 = {**KNOWN, "journal_entry": ["doc_type", "doc_uuid", "till", "user", "created_at", "summary"]}


def test_canonical_rows_are_the_hand_written_text_on_both_engines(empty_db: OpenedDatabase) -> None:
    make_sale()
    doc = canonical.rows_of(empty_db.database, U["sale"], KNOWN, "v1")  # the columns of the first schema
    assert canonical.encode(("h",), doc).decode() == EXPECTED
    doc = canonical.rows_of(empty_db.database, U["sale"], KNOWN_V2, "v2")
    assert canonical.encode(("h",), doc).decode() == EXPECTED_V2


def _independent(value: Any, field: pw.Field) -> str:
    """The documented rule, written again on the Python side (not the SQL the module uses)."""
    if value is None:
        return "N"
    if isinstance(field, pw.ForeignKeyField):
        target = field.rel_model.get_by_id(value)
        if "uuid" in field.rel_model._meta.fields:
            return str(target.uuid.hex)
        return f"{len(target.code)}:{target.code}"
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return f"{len(value)}:{value}"


def _line(model: pw.Model) -> str:
    values = [type(model)._meta.table_name]
    for field in type(model)._meta.sorted_fields:
        if field is type(model)._meta.primary_key:
            continue
        raw = getattr(model, field.column_name if isinstance(field, pw.ForeignKeyField) else field.name)
        values.append(_independent(raw, field))
    return "|".join(values)


def _json_value(value: Any, field: pw.Field) -> Any:
    """v2's rule on the Python side: the value a JSON array holds (text stays text, every character)."""
    if value is None:
        return None
    if isinstance(field, pw.ForeignKeyField):
        target = field.rel_model.get_by_id(value)
        return target.uuid.hex if "uuid" in field.rel_model._meta.fields else target.code
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return _independent(value, field) if not isinstance(value, str) else value


def _line_v2(model: pw.Model) -> str:
    """The v2 line written again with Python's own JSON encoder (not the SQL the module uses)."""
    meta = type(model)._meta
    values = [_json_value(getattr(model, f.column_name if isinstance(f, pw.ForeignKeyField) else f.name), f)
              for f in meta.sorted_fields if f is not meta.primary_key]
    return f"{meta.table_name}|{json.dumps(values, ensure_ascii=False, separators=(',', ':'))}"


def test_link_hash_matches_an_independent_encoding(empty_db: OpenedDatabase) -> None:
    make_sale()
    link = ChainLink.get(ChainLink.doc_uuid == U["sale"])
    version = HashSchema.get(HashSchema.version == link.hash_version).version
    assert (link.chain, link.seq, link.epoch, link.prev_hash) == (f"till:{U['till']}", 1, 1, "0" * 64)
    assert version.startswith("v2-")
    sale = Sale.get(Sale.uuid == U["sale"])
    lines = sorted([_line_v2(Payment.get(Payment.sale == sale)), _line_v2(sale),
                    _line_v2(SaleLine.get(SaleLine.sale == sale)),
                    _line_v2(JournalEntry.get(JournalEntry.doc_uuid == U["sale"]))])
    text = "\n".join([ascii((version, f"till:{U['till']}", 1, 1, "sale", U["sale"].hex, "sale", 0, "0" * 64)),
                      *lines])
    assert link.hash == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert chain.chain_head(Till.get(Till.code == "T9").id).hash == link.hash


def test_the_shop_secret_makes_an_hmac(empty_db: OpenedDatabase) -> None:
    import hmac

    chain.set_shop_secret(b"k")
    try:
        assert chain.digest(b"abc", True, b"k") == hmac.new(b"k", b"abc", hashlib.sha256).hexdigest()
        assert chain.digest(b"abc", False, None) == \
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # FIPS 180-2 vector
    finally:
        chain.set_shop_secret(None)


def test_every_document_table_can_be_put_in_canonical_form() -> None:
    # A new append-only table needs a uuid (a document of its own), a document_uuid (rows of a document) or
    # a foreign key to another document table (rows owned by it), and its foreign keys must point at rows
    # with a uuid or a code; else add it to canonical.NOT_DOCUMENTS if it is a log, not a document.
    assert canonical.unusable_tables() == {}
    for postgres in (False, True):
        rules = canonical.rules(postgres)
        assert {"sale", "sale_line", "payment", "stock_movement", "chain_epoch"} <= set(rules)
        assert rules["sale"].kind == "root" and rules["stock_movement"].kind == "document_uuid"
        assert rules["sale_line"].kind == "child" and "id" not in rules["sale_line"].columns


def test_verify_header_text_is_ascii_of_the_link_header() -> None:
    """verify builds the header text piece by piece for speed; Python's own ``ascii`` of the tuple is the
    independent reference, for plain, quoted, backslashed and Thai values."""
    from pos_app.trust.chain_walk import header_text

    for version, key, doc_type, root, prev in (
        ("v1-0123456789abcdef", "till:0b9f6e0a-7d1c-4e1e-9a55-3c2d1f7e8a90", "sale", "sale", "0" * 64),
        ("v1-x", "computer:it's", 'a"b', "back\\slash", "ff" * 32),
        ("v1-ไทย", "till:กะปิ", "ขาย", "", "\n\t"),
    ):
        for keyed in (False, True):
            head = chain.header(version, key, 3, 12345, doc_type, "00ff" * 8, root, keyed, prev)
            assert header_text(version, key, 3, 12345, doc_type, "00ff" * 8, root, int(keyed), prev) == ascii(head)


def test_text_with_separators_quotes_percent_signs_and_newlines_is_encoded_by_the_rule(empty_db: OpenedDatabase
                                                                                        ) -> None:
    """SQLite builds a text as one printf piece ``%s:%s`` of its length and itself: the same text as the rule
    written again on the Python side, whatever the text holds (a printf directive, the field separator …)."""
    make_sale()
    odd = "50% off | 'ลด' %s %d\nบรรทัดสอง\\"
    sale = Sale.get(Sale.uuid == U["sale"])
    drop_guards(empty_db.database, "sale")  # a document is never edited: this one is, to try odd text
    Sale.update(note=odd, customer_name="", customer_phone="%").where(Sale.id == sale.id).execute()
    sale = Sale.get(Sale.uuid == U["sale"])
    lines = [x for x in canonical.rows_of(empty_db.database, U["sale"], algorithm="v1") if x.startswith("sale|")]
    assert lines == [_line(sale)]
    assert f"|{len(odd)}:{odd}|" in lines[0] and "|0:|1:%|" in lines[0]
    lines = [x for x in canonical.rows_of(empty_db.database, U["sale"]) if x.startswith("sale|")]
    assert lines == [_line_v2(sale)]  # v2: the same characters as Python's JSON encoder writes them
    assert '"50% off | \'ลด\' %s %d\\nบรรทัดสอง\\\\"' in lines[0] and ',"","%",' in lines[0]


def test_control_characters_are_escaped_as_python_json_escapes_them(empty_db: OpenedDatabase) -> None:
    """Every character below U+0020 (and the quote, the backslash, DEL, Thai) on both engines, against
    Python's JSON encoder: SQLite's json_array and PostgreSQL's to_json must spell them alike."""
    make_sale()
    odd = "".join(chr(c) for c in range(1, 32)) + '"\\\x7f/ก\u0e4f'
    drop_guards(empty_db.database, "sale")
    Sale.update(note=odd).where(Sale.uuid == U["sale"]).execute()
    sale = Sale.get(Sale.uuid == U["sale"])
    lines = [x for x in canonical.rows_of(empty_db.database, U["sale"]) if x.startswith("sale|")]
    assert sale.note == odd and lines == [_line_v2(sale)]
    assert "\\u0001" in lines[0] and "\\n" in lines[0] and "\\u001f" in lines[0]


def test_texts_that_differ_only_after_a_nul_hash_differently(empty_db: OpenedDatabase) -> None:
    """v1 let SQLite cut a text at a NUL ("ก\\0x" read as "ก"); v2 keeps every character.  PostgreSQL
    refuses a NUL in text outright, so there a NUL can never be stored to hide anything."""
    make_sale()
    db = empty_db.database
    drop_guards(db, "sale")
    if isinstance(db, pw.PostgresqlDatabase):
        with pytest.raises(ValueError, match="NUL"), db.atomic():
            Sale.update(note="ก\x00x").where(Sale.uuid == U["sale"]).execute()
        return
    seen = {}
    for note in ("ก\x00x", "ก\x00y", "ก"):
        Sale.update(note=note).where(Sale.uuid == U["sale"]).execute()
        assert Sale.get(Sale.uuid == U["sale"]).note == note  # stored whole
        seen[note] = (canonical.encode(("h",), canonical.rows_of(db, U["sale"])),
                      canonical.encode(("h",), canonical.rows_of(db, U["sale"], algorithm="v1")))
    v2 = {note: text for note, (text, _v1) in seen.items()}
    assert len(set(v2.values())) == 3  # three texts, three canonical forms, three hashes
    assert len({hashlib.sha256(t).hexdigest() for t in v2.values()}) == 3
    assert '"ก\\u0000x"' in v2["ก\x00x"].decode()
    assert seen["ก\x00x"][1] == seen["ก\x00y"][1]  # the reason for v2: v1 could not tell them apart


def test_a_text_edited_after_a_nul_is_caught_by_verify(empty_db: OpenedDatabase) -> None:
    from pos_app.trust.verify import verify

    if isinstance(empty_db.database, pw.PostgresqlDatabase):
        pytest.skip("PostgreSQL text cannot hold a NUL (the previous test shows the refusal)")
    chain.set_shop_secret(None)
    make_sale(note="ก\x00x")  # saved and linked with a NUL in its note
    db = empty_db.database
    assert verify().ok
    drop_guards(db, "sale")
    Sale.update(note="ก\x00y").where(Sale.uuid == U["sale"]).execute()
    assert verify().kinds() == {"chain"}
