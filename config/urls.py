"""URL map of a lao_moha site."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from lao_moha.core.api.factory import build_router
from lao_moha.core.attachments import download as attachment_download
from lao_moha.core.views import health

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("app/files/<int:pk>/", attachment_download, name="attachment_download"),
    path("app/", admin.site.urls),
    # Printouts and downloads of one record, checked against the user's units.
    path("records/", include("lao_moha.core.record_urls")),
    # The language switcher; the choice is stored for the signed-in user.
    path("i18n/", include("lao_moha.language.urls")),
    path("api/health", health, name="health"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/auth/token/", obtain_auth_token, name="api-token"),
    path("api/auth/", include("rest_framework.urls")),
    path("api/customization/", include("lao_moha.customization.api.urls")),
    path("api/", include(build_router().urls)),
    # Public disclosure of awards: no login.
    path("public/", include("lao_moha.commendation.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
