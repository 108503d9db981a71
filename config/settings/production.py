"""Settings for a production site: HTTPS only, strict cookies, HSTS.

`SECRET_KEY=<long random> ALLOWED_HOSTS=<host> python manage.py check
--deploy` passes with these settings (tests/core/test_deploy_check.py).
"""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
STORAGES = {
    **STORAGES,  # noqa: F405
    # Pre-compressed copies (gzip, brotli) served by whitenoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Behind the site's reverse proxy, which sets this header on HTTPS requests.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
