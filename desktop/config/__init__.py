"""Clouds, settings, paths, limits, logs, redaction, resources, i18n (DESIGN.md)."""
