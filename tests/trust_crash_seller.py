"""The process the crash test kills: ``python -m tests.trust_crash_seller TARGET``.

Takes till T1's lock, prints ``ready``, then commits small cash sales as fast as it can, printing
``sold <number>`` after each commit, until it is killed.  (The seller is read from the database without a
PIN check, to keep each round short; the sale goes through the real service.)
"""

from __future__ import annotations

import sys


def main(target: str) -> int:
    from db.connection import open_database
    from db.models import Till, User
    from pos_app.people.users import Actor
    from pos_app.selling import catalog, sales
    from pos_app.selling.cart import Cart
    from pos_app.trust import write_transaction
    from pos_app.trust.lock import lock_till

    open_database(target)
    lock_till(target, "T1")
    u = User.get(User.login == "somsri")
    seller = Actor(u.id, u.uuid, u.login, u.display_name, u.role)
    till = Till.get(Till.code == "T1").id
    goods = [v for v in catalog.sellable() if v.kind == "finished" and not v.sold_by_weight][:4]
    print("ready", flush=True)
    n = 0
    while True:
        cart = Cart()
        for view in goods[: 1 + n % 3]:
            cart.add(view, 1 + n % 2)
        done = write_transaction(lambda c=cart: sales.commit_sale(seller, till, c))  # exact cash
        print(f"sold {done.number}", flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
