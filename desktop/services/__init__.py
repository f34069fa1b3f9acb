"""No Qt, blocking: the backend facade, export, filing, consent, offline (DESIGN.md)."""
