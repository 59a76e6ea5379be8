"""Every model and every append-only table of the current schema, in one place (what ``create_schema``
builds at head and what the guards protect).  Each area adds its models module here."""

from __future__ import annotations

from collections.abc import Callable

from db.models import CORE_APPEND_ONLY, CORE_MODELS, BaseModel
from db.models.books import BOOKS_APPEND_ONLY, BOOKS_MODELS, closed_day_statements
from db.models.printing import PRINTING_APPEND_ONLY, PRINTING_MODELS
from db.models.production import PRODUCTION_APPEND_ONLY, PRODUCTION_MODELS
from db.models.stock import STOCK_APPEND_ONLY, STOCK_MODELS
from db.models.trust import TRUST_APPEND_ONLY, TRUST_MODELS

ALL_MODELS: tuple[type[BaseModel], ...] = (
    *CORE_MODELS,
    *STOCK_MODELS,
    *PRODUCTION_MODELS,
    *BOOKS_MODELS,
    *PRINTING_MODELS,
    *TRUST_MODELS,
)

# Document tables: the database refuses UPDATE and DELETE on these (db.guards).
APPEND_ONLY: tuple[str, ...] = (
    *CORE_APPEND_ONLY,
    *STOCK_APPEND_ONLY,
    *PRODUCTION_APPEND_ONLY,
    *BOOKS_APPEND_ONLY,
    *PRINTING_APPEND_ONLY,
    *TRUST_APPEND_ONLY,
)

# Further triggers of the areas, installed at head after the append-only guards: f(postgres) -> SQL.
EXTRA_TRIGGERS: tuple[Callable[[bool], list[str]], ...] = (
    closed_day_statements,
)
