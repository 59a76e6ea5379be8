"""``verify``'s checks of the books themselves: every document has its link and journal entry, receipt numbers
run without a gap up to the till's counter, every sale's lines and payments equal its total, every stock
balance equals the sum of the stock ledger."""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter
from typing import Any

import peewee as pw

from pos_app.trust import canonical
from pos_app.trust.stored_documents import StoredDocuments
from pos_app.trust.verify_report import Report
from resources.i18n import N_


def check_journal(report: Report, documents: StoredDocuments, links: list[tuple[Any, ...]]) -> int:
    """Every document has its link and its journal entry, every link and entry its document; returns how
    many documents (with rows of their own) there are."""
    linked = set(map(itemgetter(4), links))
    journal = documents.journal_keys()
    with_rows = documents.with_rows()
    for key in sorted(with_rows - linked):
        tables = {line.split("|", 1)[0] for docs in documents.loaded.values() if docs for line in docs.get(key, ())}
        report.add("journal", N_("Document {doc} ({tables}) has no link in any chain"), doc=key,
                   tables=", ".join(sorted(tables - {canonical.JOURNAL})))
    for key in sorted(linked - with_rows):
        report.add("journal", N_("Chain link for document {doc} has no document rows (deleted?)"), doc=key)
    for key in sorted(linked ^ journal):
        report.add("journal", N_("Document {doc} has a chain link or a journal entry but not both"), doc=key)
    return len(with_rows)


def check_numbers(db: pw.Database, report: Report) -> None:
    skipped: dict[int, set[int]] = defaultdict(set)
    for till, a, b in db.execute_sql("SELECT till_id, skipped_from, skipped_to FROM chain_epoch "
                                      "WHERE till_id IS NOT NULL AND skipped_from IS NOT NULL"):
        skipped[int(till)].update(range(int(a), int(b) + 1))
    numbers: dict[int, list[int]] = defaultdict(list)
    for till, number in db.execute_sql("SELECT till_id, number FROM sale ORDER BY till_id, number"):
        numbers[int(till)].append(int(number))
    for till_id, code, counter in db.execute_sql("SELECT id, code, last_receipt_no FROM till ORDER BY id"):
        have = numbers.get(int(till_id), [])
        expected = 1
        for n in have:
            while expected < n and expected in skipped[int(till_id)]:
                expected += 1
            if n != expected:
                report.add("numbers", N_("Till {till}: receipt number {number} is missing"), str(till_id),
                           till=code, number=expected)
            expected = n + 1
        last = have[-1] if have else 0
        top = max([last, *(s for s in skipped[int(till_id)])]) if skipped[int(till_id)] else last
        if int(counter) != top:
            report.add("numbers", N_("Till {till}: the receipt counter is {counter} but the last receipt is "
                       "{number}"), str(till_id) + "c", till=code, counter=int(counter), number=last)


def check_totals(db: pw.Database, report: Report) -> None:
    sale_cols = {c.name for c in db.get_columns("sale")}
    discount = "s.discount_satang" if "discount_satang" in sale_cols else "0"
    line_cols = {c.name for c in db.get_columns("sale_line")}
    # a line's amount is before its own discount (when lines carry one)
    net = "amount_satang - discount_satang" if "discount_satang" in line_cols else "amount_satang"
    # Payments equal the total — except an online order (and its refunds), which may be unpaid or part paid
    # (money received later is its own ``order_payment`` document): there, everything paid ≤ the total.
    paid = "COALESCE(p.amount, 0)"
    payments_wrong = f"{paid} <> s.total_satang"
    later_join = ""
    if "channel" in sale_cols and "order_payment" in db.get_tables():
        later_join = ("LEFT JOIN (SELECT sale_uuid, SUM(amount_satang) AS amount FROM order_payment "
                      "GROUP BY sale_uuid) o ON o.sale_uuid = s.uuid ")
        payments_wrong = (f"(s.channel <> 'online' AND {paid} <> s.total_satang) OR (s.channel = 'online' AND "
                          f"ABS({paid} + COALESCE(o.amount, 0)) > ABS(s.total_satang))")
    sql = (f"SELECT t.code, s.number, s.total_satang, {discount}, COALESCE(l.amount, 0), {paid} "
           "FROM sale s JOIN till t ON t.id = s.till_id "
           f"LEFT JOIN (SELECT sale_id, SUM({net}) AS amount FROM sale_line GROUP BY sale_id) l "
           "ON l.sale_id = s.id "
           "LEFT JOIN (SELECT sale_id, SUM(amount_satang) AS amount FROM payment GROUP BY sale_id) p "
           "ON p.sale_id = s.id " + later_join +
           f"WHERE COALESCE(l.amount, 0) - {discount} <> s.total_satang OR {payments_wrong} "
           "ORDER BY t.code, s.number")
    for till, number, total, disc, lines, paid in db.execute_sql(sql):
        report.add("totals", N_("Receipt {number} (till {till}): lines {lines} − discount {discount} and "
                   "payments {paid} do not equal the total {total} (satang)"), till=till, number=number,
                   lines=int(lines), discount=int(disc), paid=int(paid), total=int(total))


BALANCE_PAIRS = (("quantity", "quantity"), ("on_hand", "quantity"), ("held_value_satang", "value_satang"),
                 ("value_satang", "value_satang"))


def check_balances(db: pw.Database, report: Report) -> None:
    """Any ``<x>_balance`` table must equal the stock ledger summed by the key columns they share
    (item, shop, lot …): its quantity, and its value when both carry one."""
    ledger = {c.name for c in db.get_columns("stock_movement")}
    for table in sorted(t for t in db.get_tables() if t.endswith("_balance")):
        cols = [c.name for c in db.get_columns(table)]
        sums = [(b, m) for b, m in BALANCE_PAIRS if b in cols and m in ledger]
        keys = [c for c in cols if c in ledger and c.endswith("_id") and c != "id"]
        if not sums or not keys:
            continue
        group = ", ".join(keys)
        # SQLite would walk the ledger through its item index (a row look-up each); a plain scan is faster
        scan = "" if canonical.is_postgres(db) else " NOT INDEXED"
        ledger_sums = {tuple(row[:len(keys)]): row[len(keys):] for row in db.execute_sql(
            f"SELECT {group}, " + ", ".join(f"SUM({m})" for _b, m in sums)
            + f" FROM stock_movement{scan} GROUP BY {group}")}
        nothing = (0,) * len(sums)
        for row in db.execute_sql(f"SELECT {group}, {', '.join(b for b, _m in sums)} FROM {table}"):
            key = tuple(row[:len(keys)])
            for (column, _m), stored, summed in zip(sums, row[len(keys):], ledger_sums.get(key, nothing), strict=True):
                if int(stored or 0) != int(summed or 0):
                    report.add("balance", N_("{table} {key}: {column} is {stored} but the ledger sums to {ledger}"),
                               table, table=table, key=dict(zip(keys, key, strict=True)),
                               column=column, stored=int(stored or 0), ledger=int(summed or 0))

