from django.urls import path, re_path

from articles.feeds import ReportFeed
from events.calendars import CountryCalendarView
from places import views

app_name = "places"

urlpatterns = [
    path("", views.CountryListView.as_view(), name="country_list"),
    re_path(r"^(?P<slug>[a-zA-Z]{2})/$", views.CountryDetailView.as_view(), name="country_detail"),
    re_path(r"^(?P<slug>[a-zA-Z]{2})/feed/rss/$", ReportFeed("country"), name="country_feed_rss"),
    re_path(
        r"^(?P<slug>[a-zA-Z]{2})/feed/atom/$",
        ReportFeed("country", atom=True),
        name="country_feed_atom",
    ),
    re_path(
        r"^(?P<slug>[a-zA-Z]{2})/calendar\.ics$",
        CountryCalendarView.as_view(),
        name="country_calendar",
    ),
]
