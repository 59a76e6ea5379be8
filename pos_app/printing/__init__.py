"""Printing: receipts of saved documents, the persistent print outbox, the worker that empties it, each
till's printer set-up and the cash drawer.  Qt-free; the UI runs the worker on a thread of its own.

* :mod:`pos_app.printing.receipt_of` — the receipt of a saved sale / refund / void (and slips).
* :mod:`pos_app.printing.outbox` — ``enqueue_receipt`` (inside the sale's transaction),
  ``enqueue_document`` (X/Z reports…), ``reprint``, statuses.
* :mod:`pos_app.printing.worker` — ``PrintWorker``: prints jobs in order, retries with back-off, never
  prints a job twice by itself.
* :mod:`pos_app.printing.setup` — the printer of each till, validated; the test print.
* :mod:`pos_app.printing.drawer` — "no sale" drawer openings (with a reason, logged).
"""
