"""The database: peewee models, the connection, migrations.

peewee is imported here first, without psycopg2 (``db.drivers``: a till on SQLite never loads it).
"""

from db.drivers import import_peewee

import_peewee()
