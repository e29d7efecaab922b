"""Revision history for models (django-simple-history), one revision per editorial save."""

from simple_history.models import HistoricalRecords


class Revisions(HistoricalRecords):
    """HistoricalRecords that the model can reach, to record one revision after a form
    has saved both the record and its many-to-many fields (see `TrackedAdmin`)."""

    def contribute_to_class(self, cls, name) -> None:
        super().contribute_to_class(cls, name)
        cls._revisions = self

    def record(self, instance, *, created: bool = False) -> None:
        """Write a revision of instance as it is now, many-to-many fields included."""
        self.create_historical_record(instance, "+" if created else "~")

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs) -> None:
        # From the other side (event.articles.add(...)) `instance` is not a record of this
        # model: simple-history would write a bogus revision of it. Revisions are per report.
        if reverse:
            return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
