"""Public pages of commendation (no login)."""

from django.urls import path

from . import views

app_name = "commendation"
urlpatterns = [
    path("awards/", views.public_awards, name="public_awards"),
]
