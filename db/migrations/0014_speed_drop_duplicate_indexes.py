"""Speed: drop the single-column indexes whose column already leads a composite index of the same table.

peewee gives every foreign key an index of its own; where the table also has a composite index starting with
that column, the single one only costs: every sale, batch, purchase and print job wrote one more B-tree page
per row for it, while every lookup by that column (and SQLite's and PostgreSQL's foreign-key checks) can use
the composite.  An index is dropped only when its composite is there and starts with its column.  (The
database is backed up before any migration runs: ``db.migrate.upgrade``.)  Frozen: never import db.models."""

DUPLICATES = (  # (table, the index dropped, the composite index that starts with its column)
    ("stock_movement", "stock_movement_item_id", "stock_movement_item_id_shop_id"),
    ("stock_balance", "stock_balance_lot_id", "stock_balance_lot_id_shop_id"),
    ("stock_balance", "stock_balance_shop_id", "stock_balance_shop_id_item_id"),
    ("sale", "sale_till_id", "sale_till_id_number"),
    ("sale_line", "sale_line_sale_id", "sale_line_sale_id_line_no"),
    ("print_job", "print_job_till_id", "print_job_till_id_id"),
    ("print_event", "print_event_job_id", "print_event_job_id_seq"),
    ("item_pack", "item_pack_item_id", "item_pack_item_id_name_en"),
    ("item_price", "item_price_item_id", "item_price_item_id_tier_id"),
    ("purchase_line", "purchase_line_purchase_id", "purchase_line_purchase_id_line_no"),
    ("transfer_line", "transfer_line_transfer_id", "transfer_line_transfer_id_line_no"),
    ("recipe", "recipe_product_id", "recipe_product_id_version"),
    ("recipe_line", "recipe_line_recipe_id", "recipe_line_recipe_id_line_no"),
    ("batch_input", "batch_input_batch_id", "batch_input_batch_id_line_no"),
    ("batch_labour", "batch_labour_batch_id", "batch_labour_batch_id_line_no"),
    ("batch_overhead", "batch_overhead_batch_id", "batch_overhead_batch_id_line_no"),
    ("shift", "shift_till_id", "shift_till_id_number"),
    ("day_close", "day_close_shop_id", "day_close_shop_id_business_date"),
    ("z_report", "z_report_till_id", "z_report_till_id_number"),
    ("late_document", "late_document_shop_id", "late_document_shop_id_business_date_addendum_no"),
    ("addendum_seal", "addendum_seal_shop_id", "addendum_seal_shop_id_business_date_addendum_no"),
)


def up(migrator, db):
    for table, index, composite in DUPLICATES:
        present = {i.name: list(i.columns) for i in db.get_indexes(table)}
        if index in present and composite in present and present[composite][0] == present[index][0]:
            db.execute_sql(f'DROP INDEX "{index}"')
