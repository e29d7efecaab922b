from django.urls import path

from articles.feeds import ReportFeed
from organizations import views

app_name = "organizations"

urlpatterns = [
    path(
        "organizations/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization_detail",
    ),
    path(
        "organizations/<slug:slug>/feed/rss/",
        ReportFeed("organization"),
        name="organization_feed_rss",
    ),
    path(
        "organizations/<slug:slug>/feed/atom/",
        ReportFeed("organization", atom=True),
        name="organization_feed_atom",
    ),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<slug:slug>/feed/rss/", ReportFeed("person"), name="person_feed_rss"),
    path("people/<slug:slug>/feed/atom/", ReportFeed("person", atom=True), name="person_feed_atom"),
]
