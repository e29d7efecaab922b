"""Dates as the site prints them everywhere: pages, cards, search, the admin.

`{{ value|date }}` prints DATE_FORMAT and `{{ value|date:"DATETIME_FORMAT" }}` the other;
the admin's date columns use them too. Day first, month abbreviated, 24-hour clock with
the zone: unambiguous to readers anywhere and short enough for a card or an admin column.
"""

DATE_FORMAT = "j M Y"  # 19 Sep 2023
DATETIME_FORMAT = "j M Y, H:i T"  # 19 Sep 2023, 14:05 UTC
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
