"""Slips that are not receipts, queued on the till's printer in the same transaction as what they record.

* A held sale (the customer went to fetch money): a ``held_slip`` with the goods, the total and who holds it,
  marked "not a receipt", so the customer and the seller both know what waits.
* An online order's paper is its own receipt job (:func:`~pos_app.printing.outbox.enqueue_receipt`, queued by
  the sale): it prints as an order slip while money is due (see :mod:`pos_app.printing.receipt_of`).  When the
  last of the money arrives, :func:`queue_order_paid` queues its receipt.
"""

from __future__ import annotations

import datetime as dt
import uuid

from db.models import Sale, Shop, Till
from pos_app.clock import utc_now
from pos_app.people.users import Actor
from pos_app.printing import outbox
from pos_app.printing.receipt_of import SlipLine, quantity_text, slip_receipt
from pos_app.selling.cart import Cart
from resources.i18n import _, language


def queue_held_slip(actor: Actor, till_id: int, cart: Cart, label: str = "",
                    now: dt.datetime | None = None) -> uuid.UUID:
    """Queue the slip of a cart put aside; call it inside the hold's transaction.  Returns the job's UUID."""
    when = now or utc_now()
    shop = Shop.select().join(Till).where(Till.id == till_id).get()
    lines = [SlipLine(line.item.name_en if language() == "en" else line.item.name_th,
                      quantity_text(line.quantity, line.item.base_unit), line.net)
             for line in cart.lines]
    customer = " ".join(x for x in (label.strip() or cart.customer_name, cart.customer_phone) if x)
    document = slip_receipt(_("HELD SALE"), _("Held by {name}").format(name=actor.display_name), when, lines,
                            cart.total, shop_name=shop.name_en if language() == "en" else shop.name_th,
                            customer=customer, note=_("Bring this slip back to pay"))
    return outbox.enqueue_document("held_slip", document, till_id=till_id, actor=actor, now=when)


def queue_order_paid(sale_uuid: uuid.UUID, now: dt.datetime | None = None) -> None:
    """Queue the receipt (with every payment) of the online order ``sale_uuid`` on the order's till; call it
    inside the transaction that records the last money due (the selling core says when: what is due counts
    the goods refunds took back, :func:`pos_app.selling.orders.pending_orders`)."""
    sale = Sale.get(Sale.uuid == sale_uuid)
    outbox.enqueue_receipt(sale_uuid, int(sale.till_id), now)
