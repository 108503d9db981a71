"""REST routes of the customization app, under /api/customization/."""

from django.urls import path
from rest_framework import routers

from . import views

router = routers.DefaultRouter()
router.register("custom-fields", views.CustomFieldViewSet, basename="custom-field")
router.register("saved-reports", views.SavedReportViewSet, basename="saved-report")

app_name = "customization-api"
urlpatterns = [
    path("reports/fields/", views.report_fields, name="report-fields"),
    path("reports/run/", views.run_report, name="report-run"),
    *router.urls,
]
