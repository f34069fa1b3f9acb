"""Plain values, no Qt, no I/O: records and their tolerant parsers, the severity of a health
status and the one derivation of a customer's health, GDAP rules, and the rules for showing a
moment (DESIGN.md). The words for these states are in desktop.qt.words."""
