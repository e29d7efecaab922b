"""Signals the places app sends."""

from django.dispatch import Signal

# Sent after a bulk load of cities (bulk writes send no post_save): count=<rows>.
cities_loaded = Signal()
