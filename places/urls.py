from django.urls import path, re_path

from places import views

app_name = "places"

urlpatterns = [
    path("", views.CountryListView.as_view(), name="country_list"),
    re_path(r"^(?P<slug>[a-zA-Z]{2})/$", views.CountryDetailView.as_view(), name="country_detail"),
]
