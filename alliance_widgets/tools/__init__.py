"""Maintenance tools behind ``alliance-kit``: dataset builds, lesson builds, Voilà gallery."""
