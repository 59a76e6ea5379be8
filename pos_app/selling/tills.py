"""Which till this computer is, and the shop it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Shop, Till
from pos_app.errors import NotFound
from resources.i18n import language


@dataclass(frozen=True)
class TillInfo:
    id: int
    code: str
    name: str
    shop_id: int
    shop_name_th: str
    shop_name_en: str
    promptpay_id: str

    @property
    def shop_name(self) -> str:
        return self.shop_name_en if language() == "en" else self.shop_name_th


def till_info(code: str | None = None) -> TillInfo:
    """The till with ``code``, or the first till when no code is given."""
    query = Till.select(Till, Shop).join(Shop).order_by(Till.id)
    till = query.where(Till.code == code).first() if code else query.first()
    if till is None:
        raise NotFound("No till {code} in this database", code=code or "")
    return TillInfo(till.id, till.code, till.name, till.shop.id, till.shop.name_th, till.shop.name_en,
                    till.shop.promptpay_id)
