"""The holiday calendar (administrator): a year's days off on a calendar and in a list;
add a day off declared by a Government decree (with the decree's reference), or make a
day a working day again. The public holidays of the law seed themselves (app.calendar_sync);
decree days are not in the `holidays` package, so a note says to add them here.

Each change goes through ``app.rules.add_day_off`` / ``remove_day_off``, which move the
due dates of the open documents it affects; the dialog says how many moved, and which.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rules import CalendarChange, HolidayInfo, add_day_off, list_holidays, remove_day_off
from app.validation import MIN_DATE
from ui.admin.common import (
    InlineErrors,
    RowsModel,
    confirm,
    day,
    failure_handler,
    from_qdate,
    may,
    no_default_buttons,
    notice_label,
    tab_chain,
    to_qdate,
)
from ui.context import AppContext
from ui.tasks import TaskRunner

YEARS_AHEAD = 5  # app.validation.date_in_range allows days off this far ahead
SHOWN_CHANGES = 20
DAY_OFF_COLOR = QColor("#b3261e")
DAY_OFF_BACKGROUND = QColor("#fde7e4")


class CalendarDialog(QDialog):
    changed = Signal(object)  # CalendarChange: due dates of open documents moved

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._gen = 0
        self._days: list[HolidayInfo] = []
        self.ready = False
        self.last_change: CalendarChange | None = None
        self.setWindowTitle(self.tr("დასვენების დღეების კალენდარი"))
        self.setMinimumWidth(760)
        today = ctx.clock.today()
        last = QDate(today.year + YEARS_AHEAD, 12, 31)
        first = to_qdate(MIN_DATE)

        self.year = QSpinBox()
        self.year.setRange(MIN_DATE.year, today.year + YEARS_AHEAD)
        self.year.setValue(today.year)
        year_label = QLabel(self.tr("&წელი"))
        year_label.setBuddy(self.year)

        self.calendar = QCalendarWidget()
        self.calendar.setDateRange(first, last)
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(to_qdate(today))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)

        self.model = RowsModel(
            [
                (self.tr("თარიღი"), lambda h: day(h.day)),
                (self.tr("დასახელება"), lambda h: h.name),
                (
                    self.tr("წყარო"),
                    lambda h: self.tr("დადგენილება") if h.source == "decree" else self.tr("კანონი"),
                ),
                (self.tr("განკარგულება"), lambda h: h.decree_ref),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        list_label = QLabel(self.tr("დასვენების &დღეები"))
        list_label.setBuddy(self.table)

        self.new_day = QDateEdit()
        self.new_day.setCalendarPopup(True)
        self.new_day.setDisplayFormat("dd.MM.yyyy")
        self.new_day.setDateRange(first, last)
        self.new_day.setDate(to_qdate(today))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("მაგ. ახალი წლის დამატებითი დასვენების დღე"))
        self.new_decree = QLineEdit()
        self.new_decree.setPlaceholderText(self.tr("მაგ. მთავრობის განკარგულება №…, დდ.თთ.წწწწ"))
        self.decree_note = QLabel(
            self.tr(
                "კანონით დადგენილი უქმე დღეები კალენდარს თავისით ემატება. მთავრობის "
                "განკარგულებით გამოცხადებული დამატებითი დასვენების დღეები კი აქ დაამატეთ, "
                "განკარგულების ნომრით — ღია დოკუმენტების ვადები თავისით გადაითვლება."
            )
        )
        self.decree_note.setWordWrap(True)
        self.add_button = QPushButton(self.tr("დასვენების დღის და&მატება"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("მონიშნული დღე სამუშაო &გახდეს"))
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setEnabled(False)

        self.errors = InlineErrors()
        add_box = QGroupBox(self.tr("დადგენილებით გამოცხადებული დასვენების დღე"))
        form = QFormLayout(add_box)
        for title, name, widget in (
            (self.tr("თა&რიღი"), "day", self.new_day),
            (self.tr("და&სახელება"), "holiday_name", self.new_name),
            (self.tr("მთავრობის გან&კარგულება"), "decree_ref", self.new_decree),
        ):
            lbl = QLabel(title)
            lbl.setBuddy(widget)
            form.addRow(lbl, self.errors.field(name, widget))
        form.addRow(self.decree_note)
        form.addRow("", self.add_button)

        self.notice = notice_label("notice")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("დახურვა"))
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(add_box)
        right = QVBoxLayout()
        right.addWidget(list_label)
        right.addWidget(self.table, 1)
        right.addWidget(self.remove_button)
        middle = QHBoxLayout()
        middle.addLayout(left)
        middle.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(middle, 1)
        lay.addWidget(self.errors.general)
        lay.addWidget(self.notice)
        lay.addWidget(buttons)
        tab_chain(
            self,
            self.year,
            self.calendar,
            self.new_day,
            self.new_name,
            self.new_decree,
            self.add_button,
            self.table,
            self.remove_button,
        )

        self._editable = may(ctx.actor, "edit_calendar")
        if not self._editable:
            add_box.setEnabled(False)
        self.year.valueChanged.connect(self._year_chosen)
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.clicked.connect(self._date_clicked)
        self.new_name.returnPressed.connect(self.add)
        self.new_decree.returnPressed.connect(self.add)
        no_default_buttons(self)
        self.reload()

    # --- loading ----------------------------------------------------------------------
    def _year_chosen(self, year: int) -> None:
        if self.calendar.yearShown() != year:
            self.calendar.setCurrentPage(year, self.calendar.monthShown())
        self.reload()

    def _page_changed(self, year: int, _month: int) -> None:
        if self.year.value() != year:
            self.year.setValue(year)  # reloads

    def reload(self) -> None:
        self._gen += 1
        gen = self._gen
        db, actor, year = self._ctx.db, self._ctx.actor, self.year.value()

        def done(rows: list[HolidayInfo]) -> None:
            if gen != self._gen:
                return
            self._days = rows
            self.model.set_rows(rows)
            self._highlight(rows)
            self.remove_button.setEnabled(False)
            self.ready = True

        self._runner.run(
            lambda _p, c: list_holidays(db, actor, year),
            None,
            done,
            on_error=failure_handler(self, self.errors),
            owner=self,
        )

    def _highlight(self, rows: list[HolidayInfo]) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every day
        fmt = QTextCharFormat()
        fmt.setForeground(QBrush(DAY_OFF_COLOR))
        fmt.setBackground(QBrush(DAY_OFF_BACKGROUND))
        fmt.setFontWeight(700)
        for h in rows:
            f = QTextCharFormat(fmt)
            f.setToolTip(h.name)
            self.calendar.setDateTextFormat(to_qdate(h.day), f)

    def highlighted(self) -> list[QDate]:
        """The days the calendar shows as days off (for tests and screenshots)."""
        return sorted(self.calendar.dateTextFormat().keys(), key=lambda d: d.toJulianDay())

    def _row_chosen(self) -> None:
        h = self.model.row(self.table.currentIndex().row())
        self.remove_button.setEnabled(h is not None and self._editable)
        if h is not None:
            self.calendar.setSelectedDate(to_qdate(h.day))

    def _date_clicked(self, d: QDate) -> None:
        self.new_day.setDate(d)
        picked = from_qdate(d)
        for i, h in enumerate(self._days):
            if h.day == picked:
                self.table.selectRow(i)
                return
        self.table.clearSelection()
        self.remove_button.setEnabled(False)

    # --- changes ----------------------------------------------------------------------
    def add(self) -> None:
        self.errors.clear()
        self.notice.hide()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        picked, name = from_qdate(self.new_day.date()), self.new_name.text()
        decree = self.new_decree.text()
        self.add_button.setEnabled(False)
        self._runner.run(
            lambda _p, c: add_day_off(db, actor, picked, name, clock, decree=decree),
            None,
            self._changed,
            on_error=self._failed(self.add_button),
            owner=self,
        )

    def selected_day(self) -> HolidayInfo | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def remove(self) -> None:
        h = self.selected_day()
        if h is None:
            return
        if not confirm(
            self,
            self.tr("დასვენების დღის გაუქმება"),
            self.tr("%1 (%2) სამუშაო დღე გახდეს? ღია დოკუმენტების ვადები ხელახლა დაითვლება.")
            .replace("%1", day(h.day))
            .replace("%2", h.name),
        ):
            return
        self.errors.clear()
        self.notice.hide()
        db, actor, clock = self._ctx.db, self._ctx.actor, self._ctx.clock
        self.remove_button.setEnabled(False)
        self._runner.run(
            lambda _p, c: remove_day_off(db, actor, h.day, clock),
            None,
            self._changed,
            on_error=self._failed(self.remove_button),
            owner=self,
        )

    def _failed(self, button: QPushButton) -> Callable[[BaseException], None]:
        on_error = failure_handler(self, self.errors)

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            on_error(exc)

        return failed

    def _changed(self, change: CalendarChange) -> None:
        self.add_button.setEnabled(True)
        self.last_change = change
        if change.day_off:
            head = self.tr("დასვენების დღე დაემატა: %1 — %2.")
            self.new_name.clear()
            self.new_decree.clear()
        else:
            head = self.tr("%1 (%2) ახლა სამუშაო დღეა.")
        lines = [head.replace("%1", day(change.day)).replace("%2", change.name)]
        n = len(change.recomputed)
        lines.append(
            self.tr("ხელახლა დაითვალა ღია დოკუმენტების ვადები: %1.").replace("%1", str(n))
            if n
            else self.tr("ღია დოკუმენტების ვადები არ შეცვლილა.")
        )
        for ch in change.recomputed[:SHOWN_CHANGES]:
            lines.append(f"{ch.number}: {day(ch.old_due)} → {day(ch.new_due)}")
        if n > SHOWN_CHANGES:
            lines.append(self.tr("… და კიდევ %1").replace("%1", str(n - SHOWN_CHANGES)))
        self.notice.setText("\n".join(lines))
        self.notice.show()
        self.changed.emit(change)
        if change.day.year != self.year.value():
            self.year.setValue(change.day.year)  # reloads
        else:
            self.reload()
