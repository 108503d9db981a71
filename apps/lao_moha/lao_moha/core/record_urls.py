"""URL of the record views (core.record_views)."""

from django.urls import path

from .record_views import dispatch

urlpatterns = [
    path(
        "<str:app_label>/<str:model_name>/<str:pk>/<slug:name>/",
        dispatch,
        name="record-view",
    ),
]
