"""Lao by default; a user's language choice is stored and follows them."""

import datetime

import pytest
from django.test import Client
from django.utils import formats, translation

from lao_moha.language.models import LanguagePreference
from lao_moha.language.templatetags.lao import lao_date, lao_digits, lao_number

pytestmark = pytest.mark.django_db


def login_page(client):
    return client.get("/app/login/").content.decode()


@pytest.mark.smoke
def test_lao_is_the_default_even_for_an_english_browser():
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    response = client.get("/app/login/")
    assert response["Content-Language"] == "lo"
    assert "ເຂົ້າສູ່ລະບົບ" in response.content.decode()


def test_language_chosen_before_sign_in_applies_to_the_sign_in_page():
    client = Client(HTTP_HOST="127.0.0.1")
    client.post("/i18n/setlang/", {"language": "vi", "next": "/app/login/"})
    assert client.get("/app/login/")["Content-Language"] == "vi"


@pytest.mark.smoke
def test_switching_language_is_stored_for_the_user(admin_user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin_user)
    response = client.post("/i18n/setlang/", {"language": "vi", "next": "/app/"})
    assert response.status_code == 302
    assert LanguagePreference.objects.get(user=admin_user).language == "vi"
    assert client.get("/app/")["Content-Language"] == "vi"


def test_stored_language_follows_the_user_to_another_device(admin_user):
    LanguagePreference.objects.create(user=admin_user, language="en")
    other_device = Client(HTTP_HOST="127.0.0.1")  # no cookie, English browser
    other_device.cookies.clear()
    other_device.force_login(admin_user)
    response = other_device.get("/app/")
    assert response["Content-Language"] == "en"
    # The cookie is set too, so the sign-in page after signing out matches.
    assert response.cookies["django_language"].value == "en"


def test_stored_language_wins_over_the_cookie(admin_user):
    LanguagePreference.objects.create(user=admin_user, language="lo")
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["django_language"] = "en"
    client.force_login(admin_user)
    assert client.get("/app/")["Content-Language"] == "lo"


def test_first_choice_on_the_sign_in_page_becomes_the_stored_one(admin_user):
    admin_user.set_password("a-long-enough-password")
    admin_user.save()
    client = Client(HTTP_HOST="127.0.0.1")
    client.post("/i18n/setlang/", {"language": "vi", "next": "/app/login/"})
    client.post(
        "/app/login/",
        {"username": admin_user.username, "password": "a-long-enough-password"},
    )
    assert LanguagePreference.objects.get(user=admin_user).language == "vi"


def test_unknown_language_is_ignored(admin_user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin_user)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/app/"})
    assert not LanguagePreference.objects.filter(user=admin_user).exists()
    assert client.get("/app/")["Content-Language"] == "lo"


def test_api_token_caller_gets_their_stored_language(admin_user):
    from rest_framework.authtoken.models import Token

    LanguagePreference.objects.create(user=admin_user, language="vi")
    token = Token.objects.create(user=admin_user)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get("/api/geo/provinces/?page=999")
    assert response["Content-Language"] == "vi"


def test_api_caller_without_a_choice_may_ask_with_accept_language():
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="vi")
    assert client.get("/api/geo/provinces/")["Content-Language"] == "vi"


@pytest.mark.smoke
@pytest.mark.parametrize("language", ["lo", "vi", "en"])
def test_dates_are_day_first_in_every_language(language):
    day = datetime.date(2026, 3, 4)
    with translation.override(language):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "04/03/2026"
        assert formats.localize(day) == "04/03/2026"
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"
        assert "%m/%d/%Y" not in formats.get_format("DATE_INPUT_FORMATS")


def test_a_form_reads_dd_mm_yyyy():
    from django import forms

    class DateForm(forms.Form):
        day = forms.DateField()

    with translation.override("lo"):
        form = DateForm({"day": "03/04/2026"})
        assert form.is_valid()
        assert form.cleaned_data["day"] == datetime.date(2026, 4, 3)


def test_lao_number_conventions():
    with translation.override("lo"):
        assert formats.number_format(1234567.5, 1, force_grouping=True) == "1,234,567.5"
    assert lao_number(1234567) == "1,234,567"
    assert lao_number("2500000.5", 2) == "2,500,000.50"


def test_printout_filters():
    assert lao_digits(lao_date(datetime.date(2026, 12, 4))) == "໐໔/໑໒/໒໐໒໖"
    assert lao_digits(lao_number(1500000)) == "໑,໕໐໐,໐໐໐"
    assert lao_digits(None) == ""


def test_autocomplete_boxes_load_the_lao_messages():
    from django.contrib import admin
    from django.contrib.admin.widgets import AutocompleteSelect
    from django.contrib.staticfiles import finders

    from lao_moha.personnel.models import Official

    with translation.override("lo"):
        widget = AutocompleteSelect(Official._meta.get_field("unit"), admin.site)
        scripts = [str(path) for path in widget.media._js]
        attrs = widget.build_attrs(widget.attrs)
    assert "admin/js/vendor/select2/i18n/lo.js" in scripts
    assert finders.find("admin/js/vendor/select2/i18n/lo.js")
    assert attrs["lang"] == "lo"
