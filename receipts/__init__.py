"""Receipts: one receipt document, laid out for 58/80 mm paper with Thai wrapped right, rendered as
ESC/POS raster (default) or code-page text, PDF and a preview image; printers reached via python-escpos.

Knows nothing of ``db``, ``pos_app`` or the UI; never computes money (amounts arrive as strings).
Main entry points: :mod:`receipts.document` (the data), :func:`receipts.render.render_preview`,
:func:`receipts.render.render_escpos`, :func:`receipts.pdf.render_pdf`, :func:`receipts.printers.parse_printer`,
:func:`receipts.connection.print_receipt` / :func:`receipts.connection.send`, :mod:`receipts.errors`.
"""
