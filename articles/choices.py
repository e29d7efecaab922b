"""The choices of the report filter form, printed once as HTML options."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import format_html_join
from django.utils.safestring import SafeString


@dataclass
class Options:
    """(value, label) choices, their `<option>`s printed (none selected), and each value
    by its lower-case form, as a request may spell it."""

    choices: list[tuple[str, str]]
    html: SafeString = field(init=False)
    values: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.html = format_html_join("", '<option value="{}">{}</option>', self.choices)
        self.values = {value.lower(): value for value, _ in self.choices}
