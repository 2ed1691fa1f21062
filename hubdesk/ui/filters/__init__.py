"""The filter builder above the contact list and the saved-segments sidebar (issue 6)."""
