"""Stock: a pack (kg, bottle of 500 ml, pack of 6) is retired instead of deleted (``item_pack.retired``).

Frozen: never import db.models here."""

import peewee as pw
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column("item_pack", "retired",
                                pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])))
