"""A till process for the last-unit test: ``python -m tests.till_last_unit TARGET TILL SKUS GO_FILE``.

Opens the database, logs in the demo seller, waits until GO_FILE exists (so that two tills start together),
then sells one unit of each SKU (comma-separated) as its own sale, printing ``sold SKU`` or ``short SKU``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(target: str, till_code: str, skus: str, go_file: str) -> int:
    from db.connection import open_database
    from db.models import Item, Till
    from pos_app.errors import InputError
    from pos_app.people import users
    from pos_app.selling import catalog, sales
    from pos_app.selling.cart import Cart
    from pos_app.trust import write_transaction

    opened = open_database(target, busy_timeout_s=0.2)
    seller = users.login("somsri", "1111")
    till = Till.get(Till.code == till_code).id
    views = [catalog.by_id(Item.get(Item.sku == sku).id) for sku in skus.split(",")]
    print("ready", flush=True)
    deadline = time.monotonic() + 60
    while not Path(go_file).exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    for view in views:
        assert view is not None
        cart = Cart()
        cart.add(view, 1)
        try:
            write_transaction(lambda c=cart: sales.commit_sale(seller, till, c))
            print(f"sold {view.sku}", flush=True)
        except InputError:
            print(f"short {view.sku}", flush=True)
    opened.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
