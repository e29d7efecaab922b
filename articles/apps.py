from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"

    def ready(self) -> None:
        from articles import coverage, tag_changes
        from newsroom.page_cache import connect_invalidation

        coverage.register_signals()
        tag_changes.register_signals()
        connect_invalidation()
