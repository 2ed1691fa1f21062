"""Country pickers: the address country (stored as its 2-letter code) and the phone region."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hubdesk.ui.dialogs.regions import app_countries, calling_code
from hubdesk.ui.dialogs.searchable_combo import SearchableCombo


class CountryCombo(SearchableCombo):
    def __init__(self, parent: QWidget | None = None):
        names = app_countries()
        super().__init__([(code, f"{name} ({code})") for code, name in names], parent)
        for i, (_code, name) in enumerate(names, start=1):
            self.setItemData(i, name, self.ALIAS_ROLE)
        self.lineEdit().setPlaceholderText(self.tr("None — type a country"))


class PhoneRegionCombo(SearchableCombo):
    """Where numbers typed without a +country code are read as from."""

    def __init__(self, parent: QWidget | None = None):
        items = [(code, f"{name} (+{calling_code(code)})")
                 for code, name in app_countries(dialable=True)]
        super().__init__(items, parent)
        self.removeItem(0)  # a region is always needed to read a national number
