"""Plain values, no Qt, no I/O: records, their tolerant parsers, GDAP rules (DESIGN.md)."""
