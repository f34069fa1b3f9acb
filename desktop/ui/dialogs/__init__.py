"""Dialogs: account, consent, new request, notice settings, start-up failure, crash."""
