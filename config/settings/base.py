"""Settings shared by every lao_moha site.

Operator values (secret key, database, Redis, hosts) are read from the
environment or a `.env` file; nothing secret is written here.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parents[2]
load_dotenv(BASE_DIR / ".env")

SITE_NAME = os.environ.get("SITE_NAME", "default")
SITE_DIR = Path(os.environ.get("SITE_DIR", BASE_DIR / "sites" / SITE_NAME))
SITE_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key():
    """Read SECRET_KEY, or create one kept in the site folder (not in git)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = SITE_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "unfold",
    "unfold.contrib.filters",
    "unfold.contrib.forms",
    "unfold.contrib.import_export",
    "unfold.contrib.simple_history",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "import_export",
    "simple_history",
    "django_rq",
    "axes",
    "lao_moha.core",
    "lao_moha.geo",
    "lao_moha.organization",
    "lao_moha.personnel",
    "lao_moha.commendation",
    "lao_moha.customization",
    "lao_moha.language",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: the user's stored language wins (Lao by default).
    "lao_moha.language.middleware.UserLanguageMiddleware",
    "lao_moha.core.security.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "lao_moha.customization.middleware.CustomFieldsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: embedded SQLite in the site folder unless DATABASE_URL names one.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SITE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES'"}
    )
    DATABASES["default"]["TEST"] = {
        "CHARSET": "utf8mb4",
        "COLLATION": "utf8mb4_unicode_ci",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Address of the site as users reach it, for links in emails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Cache and job queue: Redis when REDIS_URL is set, in-process otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"lao_moha:{SITE_NAME}",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RQ_QUEUES = {
    "default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 3600},
}

# Sign-in. django-axes locks a user name from one address out after
# AXES_FAILURE_LIMIT failed attempts, for AXES_COOLOFF_TIME; the pair (not
# the address alone) is counted, so one office behind a shared address is
# not locked out by a colleague's typing.
AUTHENTICATION_BACKENDS = [
    "lao_moha.core.security.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "lao_moha.core.security.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
# Locked accounts are unlocked from the user list (core.admin_auth); the
# attempt tables stay out of the desk.
AXES_ENABLE_ADMIN = False

# Sessions live at most a working day and end after an hour unused.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "8")) * 3600
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_MINUTES", "60")) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# A REST write must name the version it is based on (If-Match or "version").
API_REQUIRE_VERSION = True

# Password policy: long rather than contrived (NIST SP 800-63B), no common
# or all-digit passwords, nothing close to the user's own names.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lao first, then Vietnamese and English. Django knows nothing of Lao:
# its language info is added in lao_moha.core.apps.
LANGUAGE_CODE = "lo"
LANGUAGES = [("lo", "ລາວ"), ("vi", "Tiếng Việt"), ("en", "English")]
PACKAGE_DIR = BASE_DIR / "apps" / "lao_moha" / "lao_moha"
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_thirdparty"]
# Dates day first in every language, ISO accepted (lao_moha/language/formats).
FORMAT_MODULE_PATH = ["lao_moha.language.formats"]
# Used where no language applies (file import/export): ISO first so that
# exported files stay unambiguous; never the US month/day order.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
    "%Y-%m-%d", "%d/%m/%Y",
]
TIME_ZONE = "Asia/Vientiane"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Fonts, styles and scripts shared by the whole package (built by npm).
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = SITE_DIR / "files" / "public"
PRIVATE_MEDIA_ROOT = SITE_DIR / "files" / "private"
BACKUP_ROOT = SITE_DIR / "backups"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Plain copies: collectstatic stays quick on a newcomer's first run.
    # Production compresses them (config/settings/production.py).
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

REST_FRAMEWORK = {
    # Token first, so a bad or missing token answers 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "lao_moha.language.api.LanguageTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["lao_moha.core.api.permissions.DocTypePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "lao_moha.core.api.search.NameSearchFilter",
        "lao_moha.core.api.search.LaoOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "lao_moha.core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "lao_moha.core.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "lao_moha API",
    "DESCRIPTION": "Personnel and emulation-commendation records of the Ministry of "
    "Home Affairs, Lao PDR.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Served from our own static files: the desk works with no internet.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
SIMPLE_HISTORY_REVERT_DISABLED = True

UNFOLD = {
    # Dotted paths: the texts live in the package, where the catalogs see them.
    "SITE_TITLE": "lao_moha.core.desk.site_title",
    "SITE_HEADER": "lao_moha.core.desk.site_title",
    "SITE_SUBHEADER": "lao_moha.core.desk.site_subheader",
    "SITE_SYMBOL": "account_balance",
    "SHOW_LANGUAGES": True,
    "SHOW_HISTORY": True,
    "STYLES": [lambda request: "/static/lao_moha/css/lao-font.css"],
    # Charts in the Lao font; select2 search boxes in Lao and Vietnamese.
    "SCRIPTS": [lambda request: "/static/lao_moha/js/desk-language.js"],
    "DASHBOARD_CALLBACK": "lao_moha.customization.dashboards.dashboard_callback",
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": True,
        "navigation": "lao_moha.core.desk.sidebar_navigation",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "lao_moha": {
            "handlers": ["console"],
            "level": os.environ.get("LOG_LEVEL", "INFO"),
        },
    },
}
