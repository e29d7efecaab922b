"""The site's date formats (settings.FORMAT_MODULE_PATH), one module per language."""
