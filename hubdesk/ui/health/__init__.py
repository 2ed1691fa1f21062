"""View → Health: counts of contacts that need attention, their fixes, and small charts."""
