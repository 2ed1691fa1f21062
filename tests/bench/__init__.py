"""The benchmark (DESIGN.md §6): `python3 run.py bench [--contacts N] [--json FILE]`."""
