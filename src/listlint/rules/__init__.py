"""Every rule lives in its own module here, named after its code and name (``ll201_...``).

Modules starting with ``_`` are helpers shared by a family's rules.
"""
