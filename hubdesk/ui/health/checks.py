"""The Health view's rows: one sentence with a count per check, Show (the contacts behind it)
and, where one exists, the fix (Fix…) or the review (Review…)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from hubdesk.core.health import DUPLICATES, TRASH
from hubdesk.core.health_fixes import EMAILS, PHONES, TIMEZONES
from hubdesk.ui.profile.plain import plain_label

# Which fix each row offers.
FIXES = {"invalid_phone": PHONES, "invalid_email": EMAILS, "no_timezone": TIMEZONES}
ORDER = ("no_email", "invalid_email", "invalid_phone", "no_name", "has_problems", DUPLICATES,
         "no_labels", "no_timezone", "not_updated_in_a_year", TRASH)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HealthChecks", text)


def sentence(key: str) -> str:
    """The row's words, with %1 for the count (translators may move it)."""
    return {
        "no_email": _tr("Contacts with no email: %1"),
        "invalid_email": _tr("Invalid or unparseable emails: %1"),
        "invalid_phone": _tr("Phones kept as typed (not E.164): %1"),
        "no_name": _tr("Contacts with no name: %1"),
        "has_problems": _tr("Contacts with import problems: %1"),
        DUPLICATES: _tr("Possible duplicates: %1 contacts"),
        "no_labels": _tr("Contacts with no labels: %1"),
        "no_timezone": _tr("Contacts with no time zone: %1"),
        "not_updated_in_a_year": _tr("Not updated for over a year: %1"),
        TRASH: _tr("In the Trash: %1"),
    }[key]


def explanation(key: str) -> str:
    return {
        "no_email": _tr("Contacts without a primary email."),
        "invalid_email": _tr("Emails kept as typed because they are not valid addresses "
                             "(an import records why)."),
        "invalid_phone": _tr("Numbers that did not parse for their region, primary or "
                             "additional, kept exactly as typed."),
        "no_name": _tr("Contacts with neither a first nor a last name."),
        "has_problems": _tr("Contacts with values an import or an edit could not make "
                            "valid; the profile lists them."),
        DUPLICATES: _tr("Contacts in a group of likely duplicates (Tools → Find "
                        "duplicates)."),
        "no_labels": _tr("Contacts without any label."),
        "no_timezone": _tr("Contacts without a time zone."),
        "not_updated_in_a_year": _tr("Contacts nobody has changed for more than 365 days."),
        TRASH: _tr("Deleted contacts that can still be restored."),
    }[key]


class CheckRows(QWidget):
    showRequested = Signal(str)  # a check's key
    fixRequested = Signal(str)  # a fix (core.health_fixes), or DUPLICATES for the review
    scanRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        self.texts: dict[str, QLabel] = {}
        self.show_buttons: dict[str, QPushButton] = {}
        self.fix_buttons: dict[str, QPushButton] = {}
        for row, key in enumerate(ORDER):
            text = plain_label(sentence(key).replace("%1", "…"), wrap=True)
            text.setObjectName(f"health_{key}")
            text.setToolTip(explanation(key))  # ours, plain words: no markup to fear
            grid.addWidget(text, row, 0)
            self.texts[key] = text
            show = self._button(self.tr("Show"), lambda _=False, k=key: self.showRequested.emit(k))
            grid.addWidget(show, row, 1)
            self.show_buttons[key] = show
            if key in FIXES or key == DUPLICATES:
                word = self.tr("Review…") if key == DUPLICATES else self.tr("Fix…")
                fix = self._button(word, lambda _=False, k=key: self.fixRequested.emit(
                    FIXES.get(k, DUPLICATES)))
                grid.addWidget(fix, row, 2)
                self.fix_buttons[key] = fix
        self.scan_button = self._button(self.tr("Scan"), self.scanRequested.emit)
        self.scan_button.setToolTip(self.tr("Look for duplicates now (a big database takes "
                                            "a few seconds)"))
        grid.addWidget(self.scan_button, ORDER.index(DUPLICATES), 1)
        self.show_buttons[DUPLICATES].hide()  # duplicates are reviewed, not filtered
        self.set_counts({}, None)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def set_counts(self, counts: dict[str, int], duplicates: int | None,
                   scanning: bool = False, fixes_enabled: bool = True) -> None:
        """Counts not known yet show as …; a zero row is muted and offers nothing."""
        for key in ORDER:
            n = duplicates if key == DUPLICATES else counts.get(key)
            label = self.texts[key]
            if key == DUPLICATES and scanning:
                label.setText(self.tr("Looking for duplicates…"))
            elif key == DUPLICATES and n is None:
                label.setText(self.tr("Possible duplicates: not counted yet"))
            else:
                label.setText(sentence(key).replace("%1", "…" if n is None else f"{n:,}"))
            # A stylesheet, not a palette: it follows a switch between light and dark.
            label.setStyleSheet("color: palette(placeholder-text);" if n == 0 else "")
            # Three buttons called Show: a screen reader says which.
            self.show_buttons[key].setAccessibleName(
                self.tr("Show: %1").replace("%1", label.text()))
            self.show_buttons[key].setEnabled(bool(n))
            if key in self.fix_buttons:
                # Tidying emails may also help valid ones (an upper-case domain).
                useful = bool(n) or (key == "invalid_email" and bool(counts.get("contacts")))
                self.fix_buttons[key].setEnabled(useful and fixes_enabled)
        self.scan_button.setVisible(duplicates is None and not scanning)
        self.fix_buttons[DUPLICATES].setVisible(duplicates is not None or scanning)
