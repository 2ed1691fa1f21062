"""Everything that is true without a screen. Never import Qt from here."""
