"""The receipt of a saved document: Revenue Code 105 ทวิ content, Thai words, BE date, refund/copy marks,
the drawer only for cash.  Expected texts are written out by hand from the demo's prices."""

from __future__ import annotations

from db.connection import OpenedDatabase
from db.models import Shop
from pos_app.money import Money
from pos_app.printing.receipt_of import Decor, build_receipt, tax_id_text
from pos_app.selling import refunds, sales
from receipts.document import CopyMark, DrawerKick, Receipt, Row, Text
from tests.print_helpers import NOON, cash_sale, one_item_cart, seller, three_line_cart, till_t1, treasurer


def texts(receipt: Receipt) -> list[str]:
    out = []
    for b in receipt.effective_blocks():
        if isinstance(b, Text):
            out.append(b.text)
        elif isinstance(b, Row):
            out.append(" | ".join(x for x in (b.left, b.middle, b.right) if x is not None))
    return out


def test_sale_receipt_carries_what_section_105_bis_asks(demo_db: OpenedDatabase) -> None:
    Shop.update(tax_id="0105512345678").execute()
    number = till_t1().last_receipt_no + 1
    doc = cash_sale("300")
    receipt = build_receipt(doc, decor=Decor(footer=("ขอบคุณที่อุดหนุนสินค้าชุมชน",)))
    lines = texts(receipt)
    assert lines[0] == "ร้านเครือข่ายบางหัวเสือ (ตลาดนัด)"
    assert "เลขประจำตัวผู้เสียภาษี 0-1055-12345-67-8" in lines
    assert "ใบเสร็จรับเงิน" in lines
    assert f"เล่มที่ T1 เลขที่ {number:06d} | เครื่อง T1" in lines
    assert "วันที่ 24 พ.ย. 2569 | 12:00 น." in lines
    assert "ผู้ขาย: สมศรี" in lines
    assert "น้ำยาล้างจาน 500 มล. | 1 ชิ้น × ฿25.00 | ฿25.00" in lines
    assert "ชาหญ้าหมอน้อย (20 ซอง) | 2 ชิ้น × ฿60.00 | ฿120.00" in lines
    assert "กะปิ (ชั่งกิโล) | 333 ก. × ฿200.00/กก. | ฿66.60" in lines
    assert "รวม 3 รายการ | ฿211.60" in lines
    assert "ยอดรวม | ฿211.60" in lines
    assert "(สองร้อยสิบเอ็ดบาทหกสิบสตางค์)" in lines
    assert "รับเงินสด | ฿300.00" in lines
    assert "เงินทอน | ฿88.40" in lines
    assert lines[-1] == "ขอบคุณที่อุดหนุนสินค้าชุมชน"
    assert isinstance(receipt.blocks[0], DrawerKick)  # cash: the drawer opens, first
    assert not any(isinstance(b, CopyMark) for b in receipt.effective_blocks())


def test_english_receipt_uses_english_labels(demo_db: OpenedDatabase) -> None:
    from resources.i18n import set_language

    doc = cash_sale("300")
    set_language("en")
    lines = texts(build_receipt(doc))
    assert "RECEIPT" in lines and "Total | ฿211.60" in lines and "Change | ฿88.40" in lines


def test_copy_is_marked_and_never_opens_the_drawer(demo_db: OpenedDatabase) -> None:
    receipt = build_receipt(cash_sale("300"), copy=True)
    blocks = receipt.effective_blocks()
    assert isinstance(blocks[0], CopyMark) and blocks[0].text == "สำเนา / COPY"
    assert not any(isinstance(b, DrawerKick) for b in blocks)


def test_promptpay_sale_does_not_open_the_drawer(demo_db: OpenedDatabase) -> None:
    result = sales.commit_sale(seller(), till_t1().id, one_item_cart("TEA-YMN", 3), method="promptpay", now=NOON)
    receipt = build_receipt(result.uuid)
    assert not any(isinstance(b, DrawerKick) for b in receipt.blocks)
    assert "รับพร้อมเพย์ | ฿180.00" in texts(receipt)
    assert "(หนึ่งร้อยแปดสิบบาทถ้วน)" in texts(receipt)


def test_drawer_can_be_switched_off_for_the_till(demo_db: OpenedDatabase) -> None:
    receipt = build_receipt(cash_sale("300"), decor=Decor(drawer=False))
    assert not any(isinstance(b, DrawerKick) for b in receipt.blocks)


def test_refund_slip_is_clearly_marked_and_points_back(demo_db: OpenedDatabase) -> None:
    original_number = till_t1().last_receipt_no + 1
    sale = sales.commit_sale(seller(), till_t1().id, three_line_cart(), Money.parse("300"), now=NOON)
    refund = refunds.refund_sale(treasurer(), till_t1().id, sale.uuid, "ลูกค้าเปลี่ยนใจ", now=NOON)
    lines = texts(build_receipt(refund.uuid))
    assert "ใบคืนเงิน" in lines and "ใบเสร็จรับเงิน" not in lines
    assert f"อ้างอิงใบเสร็จ T1-{original_number:06d} วันที่ 24 พ.ย. 2569" in lines
    assert "เหตุผล: ลูกค้าเปลี่ยนใจ" in lines
    assert "ยอดคืนเงิน | ฿211.60" in lines
    assert "คืนเป็นเงินสด | ฿211.60" in lines
    assert "(สองร้อยสิบเอ็ดบาทหกสิบสตางค์)" in lines  # the words of the amount paid back, positive


def test_thirteen_digit_tax_id_is_grouped_as_on_thai_forms() -> None:
    assert tax_id_text("0994000123456") == "0-9940-00123-45-6"
    assert tax_id_text("12345") == "12345"  # not a tax id: printed as given



def test_held_sale_slip_says_it_is_not_a_receipt() -> None:
    import datetime as dt

    from pos_app.printing.receipt_of import SlipLine, slip_receipt

    when = dt.datetime(2026, 11, 24, 5, 30, tzinfo=dt.UTC)
    slip = slip_receipt("ใบพักการขาย", "พัก #3", when, [SlipLine("กะปิ (ชั่งกิโล)", "250 ก.", Money(5000))],
                        Money(5000), customer="คุณสมใจ")
    lines = texts(slip)
    assert lines[:4] == ["ใบพักการขาย", "ไม่ใช่ใบเสร็จรับเงิน", "พัก #3", "วันที่ 24 พ.ย. 2569 | 12:30 น."]
    assert "ลูกค้า: คุณสมใจ" in lines and "กะปิ (ชั่งกิโล) | 250 ก. | ฿50.00" in lines
    assert "ยอดรวม | ฿50.00" in lines


def test_a_name_too_long_for_58mm_is_wrapped_never_cut(demo_db: OpenedDatabase) -> None:
    from db.models import Item
    from receipts.layout import TextLine
    from receipts.render import layout_receipt
    from receipts.settings import PrintSettings

    long_name = "น้ำยาล้างจานสูตรมะนาวผสมใบเตยหอมกลิ่นธรรมชาติของกลุ่มวิสาหกิจชุมชนบางหัวเสือ ขนาด 500 มล."
    Item.update(name_th=long_name).where(Item.sku == "DISH-500").execute()
    receipt = build_receipt(cash_sale("300"))
    lay = layout_receipt(receipt, PrintSettings(paper=58))
    runs = [r for item in lay.items if isinstance(item, TextLine) for r in item.runs]
    assert all(0 <= r.x and r.x + r.width <= 384 for r in runs)
    shown = "".join(r.text for r in runs if r.x == 0)
    assert long_name.replace(" ", "") in shown.replace(" ", "")  # every letter of it is on the paper


def test_discounts_print_under_their_line_and_on_the_bill(demo_db: OpenedDatabase) -> None:
    cart = three_line_cart()  # ฿25.00 + 2 × ฿60.00 + ฿66.60 = ฿211.60
    cart.set_line_discount(1, Money(2000))  # ฿20.00 off the tea
    cart.set_discount(Money(1000))  # ฿10.00 off the bill
    result = sales.commit_sale(seller(), till_t1().id, cart, Money.parse("200"), now=NOON,
                               approved_by=treasurer())
    lines = texts(build_receipt(result.uuid))
    tea = lines.index("ชาหญ้าหมอน้อย (20 ซอง) | 2 ชิ้น × ฿60.00 | ฿120.00")
    assert lines[tea + 1] == "  ส่วนลด | -฿20.00"  # indented under its line
    assert "รวม 3 รายการ | ฿191.60" in lines  # 211.60 − 20.00
    assert "ส่วนลดท้ายบิล | -฿10.00" in lines
    assert "ยอดรวม | ฿181.60" in lines
    assert "(หนึ่งร้อยแปดสิบเอ็ดบาทหกสิบสตางค์)" in lines
    assert "รับเงินสด | ฿200.00" in lines and "เงินทอน | ฿18.40" in lines


def test_void_slip_is_titled_void(demo_db: OpenedDatabase) -> None:
    sale = sales.commit_sale(seller(), till_t1().id, three_line_cart(), Money.parse("300"), now=NOON)
    from pos_app.selling.refunds import refund_sale

    void = refund_sale(treasurer(), till_t1().id, sale.uuid, "คีย์ผิด", now=NOON, void=True)
    lines = texts(build_receipt(void.uuid))
    assert "ใบยกเลิกการขาย" in lines and "ยอดคืนเงิน | ฿211.60" in lines and "เหตุผล: คีย์ผิด" in lines
