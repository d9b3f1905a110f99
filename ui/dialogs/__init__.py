"""Dialogs: document card, settings."""
