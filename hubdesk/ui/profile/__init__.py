"""The profile panel beside the list: header and tabs for one contact."""
