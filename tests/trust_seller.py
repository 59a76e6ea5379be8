"""A selling process for the concurrency and crash tests: ``python -m tests.trust_seller TARGET TILL N``.

Opens the database, takes the till's lock, logs in the demo seller and commits N cash sales (N = 0: until
killed), printing ``sold <number>`` after each commit.  Uses the real services and the retry helper.
"""

from __future__ import annotations

import random
import sys


def main(target: str, till_code: str, count: int) -> int:
    from db.connection import open_database
    from db.models import Till
    from pos_app.people import users
    from pos_app.selling import catalog, sales
    from pos_app.selling.cart import Cart
    from pos_app.trust import write_transaction
    from pos_app.trust.lock import lock_till

    opened = open_database(target, busy_timeout_s=0.2)
    lock = lock_till(target, till_code)
    seller = users.login("somsri", "1111")
    till = Till.get(Till.code == till_code).id
    goods = [v for v in catalog.sellable() if v.kind == "finished" and not v.sold_by_weight]
    rng = random.Random(till)
    n = 0
    while count == 0 or n < count:
        cart = Cart()
        for view in rng.sample(goods, rng.randint(1, 3)):
            cart.add(view, rng.randint(1, 2))
        done = write_transaction(lambda c=cart: sales.commit_sale(seller, till, c))  # exact cash
        print(f"sold {done.number}", flush=True)
        n += 1
    lock.release()
    opened.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
