"""Exports of the books: PDF (A4, shaped Thai), XLSX and CSV (UTF-8 with BOM), written atomically.

:func:`pos_app.books.export.run.export_books` is the entry point (the CLI and the treasurer's screens call it).
"""
