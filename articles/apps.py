from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"

    def ready(self) -> None:
        from articles.coverage import register_signals
        from newsroom.page_cache import connect_invalidation

        register_signals()
        connect_invalidation()
