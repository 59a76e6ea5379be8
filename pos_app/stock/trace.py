"""Traceability of a lot, both ways.

* **Backward**: where a lot came from — the purchase (supplier, supplier's lot, day), the batch (and, in
  turn, every lot it consumed), or the transfer from another group (and the giver's lot) — as a tree.
* **Forward** (the recall list): every sale, refund, transfer, batch and write-off that took from the lot,
  following transfers and batches into the lots they made, with receipt numbers, days, quantities, and the
  channel and customer where the sale records them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.models import Item, Lot, NetworkGroup, Sale, StockMovement, Till
from db.models.production import Batch, BatchInput, BatchOutput
from db.models.stock import Transfer, TransferLine
from pos_app.errors import NotFound


@dataclass(frozen=True)
class Source:
    lot: str
    item: str
    group: str
    origin: str  # opening, purchase, batch, transfer, unrecorded
    day: dt.date
    quantity: int  # of this lot that went into the lot above (its own size at the top)
    supplier: str
    supplier_lot: str
    depth: int


@dataclass(frozen=True)
class Use:
    lot: str
    kind: str  # sale, refund, transfer, consume, waste, count
    day: dt.date
    quantity: int  # signed: negative out of the lot
    receipt: str  # "T1-42" for a sale or refund; the batch or receiving lot otherwise
    channel: str
    customer: str
    depth: int


def _lot(lot_id: int) -> Lot:
    lot = Lot.get_or_none(Lot.id == lot_id)
    if lot is None:
        raise NotFound("No lot with id {id}", id=lot_id)
    return lot


def _source(lot: Lot, quantity: int, depth: int) -> Source:
    item = Item.get_by_id(lot.item_id)
    group = NetworkGroup.get_by_id(lot.group_id)
    supplier = ""
    if lot.supplier is not None:
        supplier = str(lot.supplier.name)
    if lot.origin == "transfer":
        giver = TransferLine.get(TransferLine.to_lot == lot.id).transfer.from_group
        supplier = str(giver.name_th)
    return Source(lot.number, item.name_th, group.name_th, lot.origin, lot.made_on, quantity, supplier,
                  lot.supplier_lot, depth)


def backward(lot_id: int, max_depth: int = 8) -> list[Source]:
    """The lot and everything it was made from, depth first (depth 0 is the lot itself)."""
    top = _lot(lot_id)
    out = [_source(top, int(top.quantity_in), 0)]

    def walk(lot: Lot, depth: int) -> None:
        if depth > max_depth:
            return
        parents: list[tuple[Lot, int]] = []
        if lot.origin == "batch":
            batch = Batch.get(Batch.uuid == lot.document_uuid)
            parents = [(i.lot, int(i.quantity)) for i in BatchInput.select(BatchInput, Lot).join(Lot)
                       .where(BatchInput.batch == batch).order_by(BatchInput.line_no)]
        elif lot.origin == "transfer":
            line = TransferLine.get(TransferLine.to_lot == lot.id)
            parents = [(line.from_lot, int(line.quantity))]
        for parent, qty in parents:
            out.append(_source(parent, qty, depth))
            walk(parent, depth + 1)

    walk(top, 1)
    return out


def receipt_of(doc: object) -> tuple[str, str, str]:
    """(receipt "T1-87", channel, customer) of the sale or refund with UUID ``doc``; empty when it is none."""
    sale = Sale.get_or_none(Sale.uuid == doc)
    if sale is None:
        return "", "", ""
    till = Till.get_by_id(sale.till_id)
    return (f"{till.code}-{sale.number}", str(getattr(sale, "channel", "") or ""),
            " ".join(str(getattr(sale, f, "") or "") for f in ("customer_name", "customer_phone")).strip())


def forward(lot_id: int, max_depth: int = 8) -> list[Use]:
    """The recall list: every movement out of (or back into) the lot after it was made, and of the lots
    made from it by batches and transfers, depth first."""
    out: list[Use] = []

    def walk(lot: Lot, depth: int) -> None:
        rows = (StockMovement.select()
                .where((StockMovement.lot == lot.id)
                       & ~((StockMovement.document_uuid == lot.document_uuid) & (StockMovement.quantity > 0)))
                .order_by(StockMovement.id))
        for m in rows:
            receipt, channel, customer = receipt_of(m.document_uuid)
            children: list[Lot] = []
            if m.kind == "consume":
                batch = Batch.get(Batch.uuid == m.document_uuid)
                receipt = batch.number
                children = [o.lot for o in BatchOutput.select(BatchOutput, Lot).join(Lot)
                            .where(BatchOutput.batch == batch)]
            elif m.kind == "transfer" and m.quantity < 0:
                children = [ln.to_lot for ln in TransferLine.select().join(Transfer)
                            .where((TransferLine.from_lot == lot.id) & (Transfer.uuid == m.document_uuid))]
                receipt = ", ".join(c.number for c in children)
            out.append(Use(lot.number, m.kind, m.business_date, int(m.quantity), receipt, channel, customer, depth))
            if depth < max_depth:
                for child in children:
                    walk(child, depth + 1)

    walk(_lot(lot_id), 0)
    return out
