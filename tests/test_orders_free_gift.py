"""An online order with a free gift (฿0.00) paid in full, the gift then sent back: a refund worth nothing
changes nothing the customer owes, so the order stays off the pending list.  KAPI-SEASONED is ฿40.00 a jar
at retail (demo).  Both databases."""

from __future__ import annotations

from db.connection import OpenedDatabase
from pos_app.money import Money
from pos_app.selling import catalog, orders, refunds, sales
from pos_app.selling.payments import PaymentIn
from tests.stock_support import new_item
from tests.test_selling_rules import cart_of, seller, till, treasurer


def test_a_free_gift_sent_back_leaves_a_paid_order_paid(demo_db: OpenedDatabase) -> None:
    gift = catalog.by_id(new_item("KAPI", "finished", "piece", price_satang=0, name="ของแถม").id)
    assert gift is not None
    cart = cart_of(("KAPI-SEASONED", 3))  # 3 × ฿40.00 = ฿120.00
    cart.add(gift, 1)  # ฿0.00
    cart.set_channel("online", "คุณมานี", "0812345678")
    order = sales.commit_sale(seller(), till().id, cart, payments=[])
    [pending] = orders.pending_orders()
    assert (pending.total, pending.paid, pending.due) == (Money(12000), Money(0), Money(12000))
    orders.pay_order(seller(), order.uuid, [PaymentIn("transfer", Money(12000))])
    assert orders.pending_orders() == []
    back = refunds.refund_sale(treasurer(), till().id, order.uuid, "ไม่เอาของแถม", lines={2: 1}, method="transfer")
    assert (back.total, back.paid) == (Money(0), Money(0))
    assert orders.pending_orders() == []  # kept ฿120.00, paid ฿120.00
