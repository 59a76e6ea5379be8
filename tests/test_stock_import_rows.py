"""The importer row by row (both databases): hand-made CSV (UTF-8 ± BOM, cp874, ; and tab) and XLSX files,
every figure worked out by hand, every bad row's Thai message word for word, nothing written after a refusal."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest
from openpyxl import Workbook

from db.connection import OpenedDatabase
from db.models import Barcode, Item, ItemPrice, Lot, NetworkGroup, PriceTier, Supplier
from db.models.stock import ItemStockRule, Purchase
from pos_app.errors import InputError, PermissionDenied
from pos_app.people import permissions
from pos_app.people.permissions import Action
from pos_app.people.users import Actor
from pos_app.stock import importer, ledger
from tests.stock_support import admin, lead, seller, shop

ITEMS_HEAD = "sku,kind,unit,name_th,name_en,group,retail_price,per,shelf_life_days,barcode\n"
OPENING_HEAD = "shop,sku,quantity,cost,expires,lot\n"


def xlsx(*rows: list[object]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def refused(kind: str, text: str) -> list[str]:
    with pytest.raises(importer.ImportRefused) as err:
        importer.import_rows(lead(), kind, importer.read_rows(text.encode("utf-8"), f"{kind}.csv"))
    return err.value.lines()


def counts() -> tuple[int, int, int, int, int, int]:
    return (Item.select().count(), ItemPrice.select().count(), Barcode.select().count(),
            ItemStockRule.select().count(), Lot.select().count(), Purchase.select().count())


# --- reading files ----------------------------------------------------------------------------------------


def test_utf8_without_bom_header_case_and_spaces_and_blank_lines() -> None:
    data = " SKU ; Name_TH \n\n  A-1 ; สบู่ ;\n;;\n".encode()
    assert importer.read_rows(data, "x.csv") == [
        {"sku": "", "name_th": ""}, {"sku": "A-1", "name_th": "สบู่"}, {"sku": "", "name_th": ""}]


def test_tab_separated_cp874_and_a_short_row() -> None:
    data = "code\tname\tphone\nS-1\tร้านป้าแดง\n".encode("cp874")
    assert importer.read_rows(data, "s.txt") == [{"code": "S-1", "name": "ร้านป้าแดง", "phone": ""}]


def test_a_semicolon_file_whose_second_line_has_commas_is_split_by_its_header() -> None:
    data = "code;name\nS-1;ร้าน ก, ข และ ค\n".encode()
    assert importer.read_rows(data, "s.csv") == [{"code": "S-1", "name": "ร้าน ก, ข และ ค"}]


def test_one_column_file_is_read_as_plain_csv() -> None:
    assert importer.read_rows(b"sku\nA-1\n", "x.csv") == [{"sku": "A-1"}]
    assert importer.read_rows(b"TAX\n7\n", "x.csv") == [{"tax": "7"}]  # no letter is taken for a separator


def test_xlsx_by_its_bytes_or_its_name_and_a_bom_in_a_header_cell() -> None:
    data = xlsx(["\ufeffSKU", "Qty"], ["A-1", 12500], [None, None], ["B-2", None])
    expected = [{"sku": "A-1", "qty": "12500"}, {"sku": "", "qty": ""}, {"sku": "B-2", "qty": ""}]
    assert importer.read_rows(data, "stock.csv") == expected  # a workbook named .csv by mistake
    assert importer.read_rows(data, "STOCK.XLSX") == expected


def test_a_formula_cell_reads_as_its_saved_value_never_as_its_text() -> None:
    # openpyxl saves no value for a formula it writes: the cell reads as empty, not as "=1+1"
    assert importer.read_rows(xlsx(["sku", "qty"], ["A-1", "=1+1"]), "x.xlsx") == [{"sku": "A-1", "qty": ""}]


def test_a_text_file_named_xlsx_is_refused_in_thai() -> None:
    with pytest.raises(InputError) as err:
        importer.read_rows(b"sku,kind\nA,finished\n", "stock.XLSX")
    assert err.value.message == "ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้"


@pytest.mark.parametrize("data", [b"", b" , ,\n", b"\n"])
def test_an_empty_file_or_blank_header_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        importer.read_rows(data, "x.csv")
    assert err.value.message == "ไฟล์ว่างเปล่า"


def test_an_empty_workbook_is_refused() -> None:
    with pytest.raises(InputError) as err:
        importer.read_rows(xlsx(), "x.xlsx")
    assert err.value.message == "ไฟล์ว่างเปล่า"


def test_utf16_is_refused_in_thai() -> None:
    with pytest.raises(InputError) as err:
        importer.read_rows("sku\nก\n".encode("utf-16"), "x.csv")
    assert err.value.message == "ไฟล์ไม่ใช่ข้อความแบบ UTF-8 หรือ TIS-620 (cp874)"


# --- whole-file refusals ----------------------------------------------------------------------------------


def test_whole_file_refusals_name_what_is_wrong(demo_db: OpenedDatabase) -> None:
    before = counts()
    with pytest.raises(InputError) as err:
        importer.import_rows(lead(), "prices", [{"sku": "A"}])
    assert err.value.message == "ไม่รู้จักชนิดการนำเข้า prices"
    with pytest.raises(InputError) as err:
        importer.import_rows(lead(), "items", importer.read_rows(b"sku,name_th\n\n,\n", "x.csv"))
    assert err.value.message == "ไฟล์ไม่มีข้อมูล"
    with pytest.raises(InputError) as err:
        importer.import_rows(lead(), "items", [])
    assert err.value.message == "ไฟล์ไม่มีข้อมูล"
    with pytest.raises(InputError) as err:
        importer.import_rows(lead(), "items", importer.read_rows(b"sku,name_th,group\nA,B,C\n", "x.csv"))
    assert err.value.message == "ไม่มีคอลัมน์: kind, unit, name_en"
    with pytest.raises(InputError) as err:
        importer.import_rows(lead(), "opening", importer.read_rows(b"shop,sku\n\nX,Y\n", "x.csv"))
    assert err.value.message == "ไม่มีคอลัมน์: quantity, cost"
    assert counts() == before


def test_a_seller_may_import_nothing_and_an_admin_may(demo_db: OpenedDatabase) -> None:
    for kind, text in (("items", ITEMS_HEAD + "N-1,finished,piece,ก,K,BHS,,,,\n"),
                       ("suppliers", "code,name\nS-77,ร้าน\n"),
                       ("opening", OPENING_HEAD + "KAPI-STALL,ING-SALT,10,1,,\n")):
        rows = importer.read_rows(text.encode(), "x.csv")
        with pytest.raises(PermissionDenied):
            importer.import_rows(seller(), kind, rows)
        assert importer.import_rows(admin(), kind, rows) == importer.ImportResult(kind, 1)


def test_opening_stock_needs_receive_stock_and_items_and_suppliers_manage_items(
        demo_db: OpenedDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    # a role table where the two rights part ways (in the shipped one the same roles hold both)
    opening = importer.read_rows((OPENING_HEAD + "KAPI-STALL,ING-SALT,10,1,,\n").encode(), "o.csv")
    items = importer.read_rows((ITEMS_HEAD + "R-1,finished,piece,ก,K,BHS,,,,\n").encode(), "i.csv")
    suppliers = importer.read_rows(b"code,name\nS-88,A\n", "s.csv")
    monkeypatch.setitem(permissions.ALLOWED, "production", frozenset({Action.MANAGE_ITEMS}))
    with pytest.raises(PermissionDenied):
        importer.import_rows(lead(), "opening", opening)
    assert importer.import_rows(lead(), "items", items) == importer.ImportResult("items", 1)
    assert importer.import_rows(lead(), "suppliers", suppliers) == importer.ImportResult("suppliers", 1)
    monkeypatch.setitem(permissions.ALLOWED, "production", frozenset({Action.RECEIVE_STOCK}))
    for kind, rows in (("items", items), ("suppliers", suppliers)):
        with pytest.raises(PermissionDenied):
            importer.import_rows(lead(), kind, rows)
    assert importer.import_rows(lead(), "opening", opening) == importer.ImportResult("opening", 1)


# --- items ------------------------------------------------------------------------------------------------


def test_items_and_what_each_field_becomes(demo_db: OpenedDatabase) -> None:
    text = ITEMS_HEAD + (
        "N-KG,finished,g,กะปิชั่ง,Kapi by weight,KAPI,\"๑,๒๕๐.๕๐\",๑๐๐๐,๙๐,\n"  # sold by weight
        "N-ML,ingredient,ml,น้ำหอม,Scent,BHS,,,,\n"
        "\n"
        "N-PC,finished,piece,ขวด,Bottle,BHS,0,,,๘๘๕๐๐๐๐๐๑๒๓๔๕\n"
        "N-PK,packaging,piece,ถุง,Bag,KAPI,\"1,000\",100,,\n")
    done = importer.import_rows(lead(), "items", importer.read_rows(text.encode(), "items.csv"))
    assert done == importer.ImportResult("items", 4)
    got = {i.sku: (i.kind, i.base_unit, i.name_th, i.name_en, i.group.code, i.sold_by_weight)
           for i in Item.select().where(Item.sku.startswith("N-"))}
    assert got == {"N-KG": ("finished", "g", "กะปิชั่ง", "Kapi by weight", "KAPI", True),
                   "N-ML": ("ingredient", "ml", "น้ำหอม", "Scent", "BHS", False),
                   "N-PC": ("finished", "piece", "ขวด", "Bottle", "BHS", False),
                   "N-PK": ("packaging", "piece", "ถุง", "Bag", "KAPI", False)}
    prices = {p.item.sku: (p.tier.code, p.price_satang, p.per_quantity)
              for p in ItemPrice.select().join(Item).where(Item.sku.startswith("N-"))}
    assert prices == {"N-KG": ("retail", 125050, 1000), "N-PC": ("retail", 0, 1), "N-PK": ("retail", 100000, 100)}
    rules = {r.item.sku: r.shelf_life_days for r in ItemStockRule.select().join(Item).where(Item.sku.startswith("N-"))}
    assert rules == {"N-KG": 90}
    codes = {b.code: b.item.sku for b in Barcode.select().join(Item).where(Item.sku.startswith("N-"))}
    assert codes == {"8850000012345": "N-PC"}


def test_an_items_price_goes_to_the_retail_tier_even_when_it_is_not_the_first(empty_db: OpenedDatabase) -> None:
    NetworkGroup.create(code="G", name_th="กลุ่ม", name_en="Group")
    for code in ("member", "retail"):
        PriceTier.create(code=code, name_th=code, name_en=code)
    someone = Actor(user_id=0, uuid=uuid.uuid4(), login="x", display_name="x", role="admin")
    importer.import_rows(someone, "items", importer.read_rows(
        (ITEMS_HEAD + "P-1,finished,piece,ก,K,G,12.00,,,\n").encode(), "i.csv"))
    assert [(p.tier.code, p.price_satang) for p in ItemPrice.select()] == [("retail", 1200)]


def test_bad_item_rows_each_named_in_thai_and_nothing_written(demo_db: OpenedDatabase) -> None:
    before = counts()
    lines = refused("items", ITEMS_HEAD + (
        "G-1,finished,piece,ดี,Good,BHS,10,,,8850000099999\n"
        "G-2,finished,kg,หน่วยผิด,E,BHS,,,,\n"
        "\n"
        "G-3,finished,piece,,E,BHS,,,,\n"
        "G-4,finished,piece,ราคาผิด,E,BHS,สิบบาท,,,\n"
        "G-5,finished,piece,ต่อครึ่ง,E,BHS,10,1.5,,\n"
        "G-6,finished,piece,ต่อศูนย์,E,BHS,10,0,,\n"
        "G-7,finished,piece,อายุศูนย์,E,BHS,,,0,\n"
        "G-8,finished,piece,อายุผิด,E,BHS,,,ปีหนึ่ง,\n"
        "G-9,finished,piece,บาร์โค้ดซ้ำ,E,BHS,,,,8850000000010\n"
        "G-10,finished,piece,บาร์โค้ดซ้ำในไฟล์,E,BHS,,,,๘๘๕๐๐๐๐๐๙๙๙๙๙\n"
        "G-11,finished,piece,ราคาติดลบ,E,BHS,-5,,,\n"
        "KAPI-KG,finished,g,รหัสซ้ำ,E,KAPI,,,,\n"
        "G-1,finished,piece,รหัสซ้ำในไฟล์,E,BHS,,,,\n"
        "G-12,service,piece,ประเภทผิด,E,BHS,,,,\n"
        ",,,,,,,,,\n"
        "G-13,finished,piece,ราคาว่าง,E,BHS,,,,\n"))  # the last row is good
    assert lines == [
        "แถวที่ 3: ไม่รู้จักหน่วย “kg” (g, ml หรือ piece)",
        "แถวที่ 5: ช่อง name_th ว่าง",
        "แถวที่ 6: “สิบบาท” ไม่ใช่จำนวนเงิน (ตัวอย่าง 12.50)",
        "แถวที่ 7: per ต้องเป็นจำนวนเต็ม",
        "แถวที่ 8: per ต้องมากกว่าศูนย์",
        "แถวที่ 9: shelf_life_days ต้องมากกว่าศูนย์",
        "แถวที่ 10: “ปีหนึ่ง” ไม่ใช่จำนวน",
        "แถวที่ 11: บาร์โค้ด 8850000000010 ถูกใช้แล้ว",
        "แถวที่ 12: บาร์โค้ด 8850000099999 ถูกใช้แล้ว",
        "แถวที่ 13: ราคาต้องไม่ติดลบ",
        "แถวที่ 14: รหัส KAPI-KG ถูกใช้แล้ว",
        "แถวที่ 15: รหัส G-1 ถูกใช้แล้ว",
        "แถวที่ 16: ไม่รู้จักประเภท “service” (finished, ingredient หรือ packaging)",
    ]
    assert counts() == before


def test_the_refusal_counts_its_bad_rows(demo_db: OpenedDatabase) -> None:
    rows = importer.read_rows((ITEMS_HEAD + "B-1,x,g,ก,A,BHS,,,,\nB-2,x,g,ข,B,BHS,,,,\n").encode(), "x.csv")
    with pytest.raises(importer.ImportRefused) as err:
        importer.import_rows(lead(), "items", rows)
    assert err.value.message == "ไม่ได้นำเข้าข้อมูลใดเลย: มีปัญหา 2 แถว"
    assert len(err.value.problems) == 2


# --- suppliers --------------------------------------------------------------------------------------------


def test_suppliers_with_and_without_phone_and_their_bad_rows(demo_db: OpenedDatabase) -> None:
    done = importer.import_rows(lead(), "suppliers", importer.read_rows(
        "code,name\nS-21,ร้านเจ๊หน่อย\n".encode(), "s.csv"))
    assert done == importer.ImportResult("suppliers", 1)
    s = Supplier.get(Supplier.code == "S-21")
    assert (s.name, s.phone) == ("ร้านเจ๊หน่อย", "")
    importer.import_rows(lead(), "suppliers", importer.read_rows(
        "code,name,phone\nS-22,ร้านลุงมา,081-234-5678\n".encode("cp874"), "s.csv"))
    assert Supplier.get(Supplier.code == "S-22").phone == "081-234-5678"
    before = Supplier.select().count()
    assert refused("suppliers", "code,name,phone\nS-23,ใหม่,\nS-21,ซ้ำ,\nS-23,ซ้ำในไฟล์,\nS-24,,\n") == [
        "แถวที่ 3: มีผู้ขายรหัส S-21 อยู่แล้ว",
        "แถวที่ 4: มีผู้ขายรหัส S-23 อยู่แล้ว",
        "แถวที่ 5: ช่อง name ว่าง",
    ]
    assert Supplier.select().count() == before


# --- opening stock ----------------------------------------------------------------------------------------


def test_opening_stock_lots_cost_per_gram_and_one_document_per_shop(demo_db: OpenedDatabase) -> None:
    salt, krill = Item.get(Item.sku == "ING-SALT"), Item.get(Item.sku == "ING-N70")
    kapi, bhs = shop("KAPI-STALL"), shop("BHS-MARKET")
    salt_before = ledger.on_hand(salt.id, kapi.id)
    n70_before = ledger.on_hand(krill.id, bhs.id)
    purchases_before = Purchase.select().count()
    text = OPENING_HEAD + (
        "KAPI-STALL,ING-SALT,\"12,500\",\"1,250.00\",31/12/2569,S-1\n"  # 125000 satang / 12500 g = 10 a gram
        "BHS-MARKET,ING-N70,๓๐๐๐,฿๑๓๕,31/12/2026,\n"  # 13500 satang / 3000 g = 4 a gram and 1500 over
        "\n"
        "KAPI-STALL,ING-SALT,7,0.07,,S-2\n")  # 7 satang / 7 g = 1 a gram
    day = dt.date(2026, 11, 20)
    done = importer.import_rows(lead(), "opening", importer.read_rows(text.encode("utf-8-sig"), "o.csv"), day=day)
    assert done == importer.ImportResult("opening", 3)
    lots = {lot.supplier_lot or lot.item.sku: (lot.origin, lot.quantity_in, lot.cost_satang, lot.unit_cost_satang,
                                               lot.remainder_satang, lot.expires_on, lot.made_on)
            for lot in Lot.select().where(Lot.origin == "opening", Lot.made_on == day)}
    assert lots == {"S-1": ("opening", 12500, 125000, 10, 0, dt.date(2026, 12, 31), day),
                    "ING-N70": ("opening", 3000, 13500, 4, 1500, dt.date(2026, 12, 31), day),
                    "S-2": ("opening", 7, 7, 1, 0, None, day)}
    docs = {(p.shop.code, p.business_date, p.paid_from, p.total_satang)
            for p in Purchase.select().order_by(Purchase.id).offset(purchases_before)}
    assert docs == {("KAPI-STALL", day, "account", 125007), ("BHS-MARKET", day, "account", 13500)}
    assert ledger.on_hand(salt.id, kapi.id) == salt_before + 12507
    assert ledger.on_hand(krill.id, bhs.id) == n70_before + 3000


def test_opening_stock_without_a_day_is_todays(demo_db: OpenedDatabase) -> None:
    importer.import_rows(lead(), "opening", importer.read_rows(
        (OPENING_HEAD + "KAPI-STALL,ING-SALT,5,5,24/11/2569,T-0\n").encode(), "o.csv"))
    lot = Lot.get(Lot.supplier_lot == "T-0")
    assert (lot.made_on, lot.expires_on, lot.cost_satang) == (dt.date(2026, 11, 24), dt.date(2026, 11, 24), 500)


def test_bad_opening_rows_each_named_in_thai_and_nothing_written(demo_db: OpenedDatabase) -> None:
    before = counts()
    lines = refused("opening", OPENING_HEAD + (
        "KAPI-STALL,ING-SALT,100,10,,\n"
        "NOWHERE,ING-SALT,100,10,,\n"
        "KAPI-STALL,NO-SUCH,100,10,,\n"
        "KAPI-STALL,ING-SALT,0,10,,\n"
        "KAPI-STALL,ING-SALT,12.5,10,,\n"
        "KAPI-STALL,ING-SALT,100,,,\n"
        "KAPI-STALL,ING-SALT,100,-1.00,,\n"
        "KAPI-STALL,ING-SALT,100,สิบ,,\n"
        "KAPI-STALL,ING-SALT,100,10,31/02/2570,\n"
        "KAPI-STALL,ING-SALT,100,10,23/11/2569,\n"
        "KAPI-STALL,ING-SALT,1,0,24/11/2569,\n"))  # good: free, and expires on the day itself
    assert lines == [
        "แถวที่ 3: ไม่รู้จักร้าน “NOWHERE”",
        "แถวที่ 4: ไม่รู้จักรหัสสินค้า “NO-SUCH”",
        "แถวที่ 5: จำนวนต้องมากกว่าศูนย์",
        "แถวที่ 6: quantity ต้องเป็นจำนวนเต็ม",
        "แถวที่ 7: ช่อง cost ว่าง",
        "แถวที่ 8: ต้นทุนต้องไม่ติดลบ",
        "แถวที่ 9: “สิบ” ไม่ใช่จำนวนเงิน (ตัวอย่าง 12.50)",
        "แถวที่ 10: “31/02/2570” ไม่ใช่วันที่ (ตัวอย่าง 24/11/2569 หรือ 24 พ.ย. 2569)",
        "แถวที่ 11: วันหมดอายุ 23/11/2569 อยู่ก่อนวันที่ผลิตหรือรับเข้า 24/11/2569",
    ]
    assert counts() == before


def test_an_opening_row_for_an_unknown_shop_and_item_names_the_shop(demo_db: OpenedDatabase) -> None:
    assert refused("opening", OPENING_HEAD + "NOWHERE,NO-SUCH,1,1,,\n") == ["แถวที่ 2: ไม่รู้จักร้าน “NOWHERE”"]
