"""API pagination shared by every list endpoint."""

from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    """Page-number pagination whose size a client may choose up to a cap."""

    page_size_query_param = "page_size"
    max_page_size = 100
