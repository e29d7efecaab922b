"""The Celery app for background work: `celery -A newsroom worker --beat` (see `make worker`)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
