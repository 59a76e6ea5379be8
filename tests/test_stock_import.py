"""Import from CSV (UTF-8 ± BOM, TIS-620/cp874, Thai digits) and XLSX: all or nothing, every bad row named
by its row number in Thai (both databases)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from db.connection import OpenedDatabase
from db.models import Item, ItemPrice, Lot, Supplier
from db.models.stock import ItemStockRule
from pos_app.errors import InputError
from pos_app.stock import importer, ledger
from tests.stock_support import lead, shop

ITEMS_CSV = (
    "sku,kind,unit,name_th,name_en,group,retail_price,per,shelf_life_days,barcode\n"
    "SOAP-1L,finished,piece,สบู่เหลว 1 ลิตร,Liquid soap 1 L,BHS,๘๕.๐๐,1,๓๖๕,๘๘๕๐๐๐๐๐๐๐๙๙๙\n"
    "ING-LIME,ingredient,g,มะนาวผง,Lime powder,BHS,\"1,200.00\",1000,,\n"
)


def test_items_from_utf8_with_bom_and_thai_digits(demo_db: OpenedDatabase) -> None:
    rows = importer.read_rows(b"\xef\xbb\xbf" + ITEMS_CSV.encode("utf-8"), "items.csv")
    done = importer.import_rows(lead(), "items", rows)
    assert done.rows == 2
    soap = Item.get(Item.sku == "SOAP-1L")
    assert soap.name_th == "สบู่เหลว 1 ลิตร" and soap.barcodes[0].code == "8850000000999"
    assert ItemPrice.get(ItemPrice.item == soap).price_satang == 8500
    assert ItemStockRule.get(ItemStockRule.item == soap).shelf_life_days == 365
    lime = ItemPrice.get(ItemPrice.item == Item.get(Item.sku == "ING-LIME"))
    assert (lime.price_satang, lime.per_quantity) == (120000, 1000)


def test_suppliers_from_tis620(demo_db: OpenedDatabase) -> None:
    data = "code;name;phone\nSUP-9;ร้านเจ๊หน่อย ตลาดปากน้ำ;๐๘๑๒๓๔๕๖๗๘\n".encode("cp874")
    importer.import_rows(lead(), "suppliers", importer.read_rows(data, "suppliers.csv"))
    assert Supplier.get(Supplier.code == "SUP-9").name == "ร้านเจ๊หน่อย ตลาดปากน้ำ"


def test_a_half_bad_file_imports_nothing_and_names_every_bad_row(demo_db: OpenedDatabase) -> None:
    text = ITEMS_CSV + ("X-1,gadget,g,ของแปลก,Odd,BHS,,,,\n"
                        "X-2,finished,piece,ไม่มีกลุ่ม,No group,NOPE,,,,\n"
                        "SOAP-1L,finished,piece,ซ้ำ,Duplicate,BHS,10,,,\n")
    before = Item.select().count()
    with pytest.raises(importer.ImportRefused) as err:
        importer.import_rows(lead(), "items", importer.read_rows(text.encode("utf-8"), "items.csv"))
    assert err.value.lines() == [
        "แถวที่ 4: ไม่รู้จักประเภท “gadget” (finished, ingredient หรือ packaging)",
        "แถวที่ 5: ไม่รู้จักกลุ่ม “NOPE”",
        "แถวที่ 6: รหัส SOAP-1L ถูกใช้แล้ว",
    ]
    assert "3" in str(err.value)
    assert Item.select().count() == before


def test_wrong_encoding_and_broken_files_are_refused(demo_db: OpenedDatabase) -> None:
    with pytest.raises(InputError) as err:
        importer.read_rows("sku,name\nA,ก\n".encode("utf-16"), "items.csv")
    assert "TIS-620" in str(err.value)
    with pytest.raises(InputError):
        importer.read_rows(b"PK\x03\x04 not really a workbook", "stock.xlsx")
    with pytest.raises(InputError):
        importer.import_rows(lead(), "items", importer.read_rows(b"sku,kind\nA,finished\n", "x.csv"))


def test_opening_stock_from_xlsx_makes_lots(demo_db: OpenedDatabase) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["shop", "sku", "quantity", "cost", "expires", "lot"])
    ws.append(["KAPI-STALL", "ING-SALT", "๕,๐๐๐", "50.00", "31/12/2570", "S-1"])
    ws.append(["KAPI-STALL", "ING-KRILL", 3000, "๑๓๕", "", ""])
    buf = io.BytesIO()
    wb.save(buf)
    salt_before = ledger.on_hand(Item.get(Item.sku == "ING-SALT").id, shop("KAPI-STALL").id)
    importer.import_rows(lead(), "opening", importer.read_rows(buf.getvalue(), "opening.xlsx"))
    salt = Lot.get(Lot.supplier_lot == "S-1")
    assert (salt.origin, salt.quantity_in, salt.cost_satang, salt.expires_on) == (
        "opening", 5000, 5000, dt.date(2027, 12, 31))
    assert ledger.on_hand(salt.item_id, shop("KAPI-STALL").id) == salt_before + 5000
