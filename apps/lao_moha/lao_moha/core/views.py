"""Plain views of the core: the health check."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def health(request):
    """State of the database and the cache: 200 when both answer, else 503."""
    state = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means "down"
        logger.exception("Health check: database did not answer")
        state["database"] = "down"
    try:
        cache.set("lao_moha:health", "1", 10)
        if cache.get("lao_moha:health") != "1":
            state["cache"] = "down"
    except Exception:  # noqa: BLE001
        logger.exception("Health check: cache did not answer")
        state["cache"] = "down"
    healthy = all(value == "ok" for value in state.values())
    state["status"] = "ok" if healthy else "degraded"
    return JsonResponse(state, status=200 if healthy else 503)
