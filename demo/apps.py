from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and the synthetic benchmark corpus: `load_demo`, `generate_corpus`."""

    name = "demo"
    verbose_name = "Demo content"
