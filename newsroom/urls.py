from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from articles.feeds import ReportFeed
from articles.views import HomeView, SearchView
from ingest.api import IngestView
from newsroom.api import router
from newsroom.sitemaps import (
    NewsSitemapView,
    RobotsView,
    SitemapIndexView,
    SitemapSectionView,
)
from newsroom.views import favicon, healthz

handler400 = "newsroom.views.bad_request"
handler403 = "newsroom.views.forbidden"
handler404 = "newsroom.views.page_not_found"
handler500 = "newsroom.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the browsable API's).
    path("favicon.ico", favicon),
    path("", HomeView.as_view(), name="home"),
    path("feeds/latest/rss/", ReportFeed(), name="latest_feed_rss"),
    path("feeds/latest/atom/", ReportFeed(atom=True), name="latest_feed_atom"),
    path("sitemap.xml", SitemapIndexView.as_view(), name="sitemap"),
    path("sitemap-news.xml", NewsSitemapView.as_view(), name="sitemap_news"),
    path("sitemap-<slug:section>.xml", SitemapSectionView.as_view(), name="sitemap_section"),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    path("search/", SearchView.as_view(), name="search"),
    path("articles/", include("articles.urls")),
    path("events/", include("events.urls")),
    path("countries/", include("places.urls")),
    path("", include("organizations.urls")),
    path("api/v1/ingest/", IngestView.as_view(), name="api-ingest"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]
