"""Every control a user can reach says what it is to a screen reader."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from hubdesk.ui.dialogs.contact_editor import ContactEditor

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _unnamed(root) -> list[str]:
    missing = []
    widgets = [w for kind in CONTROLS for w in root.findChildren(kind)]
    for widget in dict.fromkeys(widgets):
        if (not widget.isVisibleTo(root) or isinstance(widget.parent(), QComboBox)
                or isinstance(widget, QHeaderView)):
            continue  # hidden, the line edit of a combo box, or a table's own header
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_main_window_and_profile_controls_are_named(window_factory, demo_db):
    w = window_factory(demo_db)
    w.table.selectRow(0)
    for tab in range(w.profile.tabs.count()):
        w.profile.tabs.setCurrentIndex(tab)
        assert _unnamed(w) == [], f"tab {tab}"


def test_contact_editor_controls_are_named(window_factory, demo_db, qtbot):
    w = window_factory(demo_db)
    w.table.selectRow(0)
    editor = ContactEditor(w.store, w.current_id(), w)
    qtbot.addWidget(editor)
    editor.show()
    assert _unnamed(editor) == []
