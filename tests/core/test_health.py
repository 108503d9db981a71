import pytest
from django.core.cache import caches
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_health_ok():
    response = Client(HTTP_HOST="127.0.0.1").get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "status": "ok"}


# A Redis cache at a loopback port where nothing listens: the cache is down.
DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5},
    }
}


def test_health_reports_cache_down():
    with override_settings(CACHES=DOWN):
        caches._settings = None  # make the handler read the overridden setting
        try:
            response = Client(HTTP_HOST="127.0.0.1").get("/api/health")
        finally:
            caches._settings = None
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"
