"""Sign-in: lockout after repeated failures, idle sessions end, CSRF on
every form, a password policy, and production settings that pass Django's
deployment check."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework.test import APIClient

from lao_moha.core.security import IdleSessionMiddleware
from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = "/app/login/"
GOOD = "a long enough passphrase"


@pytest.fixture
def account(db):
    user = factories.user("signin")
    user.set_password(GOOD)
    user.save()
    return user


def sign_in(client, password, username="signin"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/app/"}
    )


@pytest.mark.smoke
def test_lockout_after_repeated_failures(account, settings):
    client = Client(HTTP_HOST="127.0.0.1")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # Even the right password is refused while locked.
    assert sign_in(client, GOOD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_user_name(account, settings):
    client = Client(HTTP_HOST="127.0.0.1")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", username="someone-else")
    assert sign_in(client, GOOD).status_code == 302


def test_success_resets_the_count(account, settings):
    client = Client(HTTP_HOST="127.0.0.1")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, GOOD).status_code == 302
    client.logout()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, GOOD).status_code == 302


def test_idle_session_ends(account):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(account)
    assert client.get("/app/").status_code == 200
    session = client.session
    session[IdleSessionMiddleware.KEY] = int(time.time()) - 24 * 3600
    session.save()
    response = client.get("/app/")
    assert response.status_code == 302 and LOGIN in response["Location"]


def test_csrf_on_desk_and_api_forms(admin_user, ministry):
    desk = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
    desk.force_login(admin_user)
    unit = ministry["p01"]
    response = desk.post(
        f"/app/organization/orgunit/{unit.pk}/change/", {"name_en": "x"}
    )
    assert response.status_code == 403
    assert desk.post(LOGIN, {"username": "a", "password": "b"}).status_code == 403

    api = APIClient(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
    api.force_login(admin_user)
    response = api.patch(
        f"/api/organization/org-units/{unit.pk}/",
        {"name_en": "x"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 403
    unit.refresh_from_db()
    assert unit.name_en != "x"


@pytest.mark.parametrize(
    "password", ["short1", "123456789012345", "password1234", "signin-user"]
)
def test_password_policy_refuses_weak_passwords(account, password):
    with pytest.raises(ValidationError):
        validate_password(password, account)


def test_password_policy_accepts_a_passphrase(account):
    validate_password("ນ້ຳຂອງ flows past Vientiane", account)


def test_production_settings_pass_the_deployment_check(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "hr.moha.example",
        "SITE_DIR": str(tmp_path),
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # No deployment warning at all (security.W…, axes …); API schema notes
    # (drf_spectacular.W001) are about documentation, not deployment.
    warnings = [
        line for line in output.splitlines()
        if line.startswith("?: (") and "drf_spectacular" not in line
    ]
    assert warnings == [], output


def test_administrator_unlocks_from_the_user_list(account, admin_client, settings):
    client = Client(HTTP_HOST="127.0.0.1")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    assert sign_in(client, GOOD).status_code == 429
    response = admin_client.post(
        "/app/auth/user/",
        {"action": "unlock_sign_in", "_selected_action": [account.pk]},
    )
    assert response.status_code == 302
    assert sign_in(client, GOOD).status_code == 302
