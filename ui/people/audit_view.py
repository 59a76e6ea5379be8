"""The admin's audit log: who did what and when, one Bangkok day at a time (Alt+Left / Alt+Right move a day,
Alt+T back to today), filtered by what happened.  Read-only: the log is append-only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.clock import today
from pos_app.money import Money
from pos_app.thai.dates import format_date, format_time
from pos_app.trust import audit
from resources.i18n import N_, _

DETAIL_NAMES = {  # the detail keys people meet most, in their words and in this order
    "reason": N_("reason"), "action": N_("approved"), "for_user": N_("for"), "failures": N_("wrong PINs"),
    "role": N_("role"), "shop": N_("shop"), "tier": N_("price list"), "old": N_("was"), "new": N_("now"),
    "what": N_("what"), "scope": N_("for"), "format": N_("format"), "files": N_("files"), "ok": N_("done"),
    "gaps": N_("missing receipt numbers"), "size": N_("bytes"),
}
ORDER = {key: n for n, key in enumerate(DETAIL_NAMES)}


def detail_text(detail: dict[str, Any]) -> str:
    """``old_satang=18000, new_satang=17500`` reads as ``was: ฿180.00 · now: ฿175.00``."""
    parts = []
    for key, value in detail.items():
        if key.endswith("_per") or key == "sha256":
            continue
        if key.endswith("_satang"):
            key, value = key[: -len("_satang")], "—" if value is None else Money(int(value)).format()
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        parts.append((ORDER.get(key, len(ORDER)), key, value))
    return " · ".join(f"{_(DETAIL_NAMES[k]) if k in DETAIL_NAMES else k}: {v}" for _n, k, v in sorted(parts))


class AuditView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_view")
        self.day = today()
        self.earlier = QPushButton(_("◀ Day before  Alt+←"))
        self.earlier.setObjectName("audit_earlier")
        self.later = QPushButton(_("Day after ▶  Alt+→"))
        self.later.setObjectName("audit_later")
        self.today_button = QPushButton(_("Today  Alt+T"))
        self.today_button.setObjectName("audit_today")
        self.day_label = QLabel()
        self.day_label.setObjectName("audit_day")
        self.day_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.kind = QComboBox()
        self.kind.setObjectName("audit_kind")
        self.kind.addItem(_("Everything"), None)
        for kind, label in audit.LABELS.items():
            self.kind.addItem(_(label), kind)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([_("Time"), _("What happened"), _("Who"), _("Till"), _("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.empty = QLabel()
        self.empty.setObjectName("audit_empty")

        bar = QHBoxLayout()
        bar.addWidget(self.earlier)
        bar.addWidget(self.day_label, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.later)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(_("Show")))
        bar.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self.earlier.clicked.connect(lambda: self.step_day(-1))
        self.later.clicked.connect(lambda: self.step_day(1))
        self.today_button.clicked.connect(self.go_today)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        for key, slot in (("Alt+Left", lambda: self.step_day(-1)), ("Alt+Right", lambda: self.step_day(1)),
                          ("Alt+T", self.go_today)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    def step_day(self, days: int) -> None:
        self.day = min(self.day + dt.timedelta(days=days), today())
        self.refresh()

    def go_today(self) -> None:
        self.day = today()
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.currentData()
        rows = audit.entries([kind] if kind else None, day=self.day, limit=2000)
        self.day_label.setText(format_date(self.day, "long"))
        self.later.setEnabled(self.day < today())
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            label = audit.LABELS.get(e.kind)
            who = e.user
            if not who and e.subject and e.kind in ("login_failed", "override_failed"):
                who = _("“{typed}” (no such person)").format(typed=e.subject)
            what = _(label) if label else e.kind
            subject = e.subject if e.subject and e.subject not in (e.user, who) else ""
            cells = (format_time(e.at, seconds=True), what, who, e.till,
                     " · ".join(x for x in (subject, detail_text(e.detail)) if x))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and e.kind in ("login_failed", "login_locked", "override_failed"):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.empty.setText("" if rows else _("Nothing was recorded on this day."))
