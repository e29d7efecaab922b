from django.urls import path

from articles.feeds import ReportFeed
from events import calendars, views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("calendar.ics", calendars.CalendarView.as_view(), name="calendar"),
    path(
        "series/<slug:slug>/calendar.ics",
        calendars.SeriesCalendarView.as_view(),
        name="series_calendar",
    ),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("<slug:slug>/feed/rss/", ReportFeed("event"), name="event_feed_rss"),
    path("<slug:slug>/feed/atom/", ReportFeed("event", atom=True), name="event_feed_atom"),
]
