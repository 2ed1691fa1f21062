"""Dialogs: contact editor, custom attribute definitions, label management."""
