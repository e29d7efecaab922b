from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from articles.views import HomeView
from ingest.api import IngestView
from newsroom.api import router
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
