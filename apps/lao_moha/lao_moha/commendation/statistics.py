"""Award statistics: counts by year, level, province, gender and award."""

from django import forms
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lao_moha.personnel.models import Official

from .choices import AwardLevel, AwardStatus


class StatisticsFilter(forms.Form):
    year_from = forms.IntegerField(label=gettext_lazy("From year"), required=False,
                                   min_value=1900, max_value=2100)
    year_to = forms.IntegerField(label=gettext_lazy("To year"), required=False,
                                 min_value=1900, max_value=2100)
    include_withdrawn = forms.BooleanField(
        label=gettext_lazy("Include revoked awards and cancelled decisions"), required=False)

    def apply(self, awards):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("year_from"):
            awards = awards.filter(awarded_on__year__gte=data["year_from"])
        if data.get("year_to"):
            awards = awards.filter(awarded_on__year__lte=data["year_to"])
        if not data.get("include_withdrawn"):
            awards = awards.filter(status=AwardStatus.VALID)
        return awards


def _rows(pairs):
    pairs = list(pairs)
    total = sum(count for _label, count in pairs) or 1
    return [
        {"label": label, "count": count, "percent": round(count * 100 / total)}
        for label, count in pairs
    ]


def tables(awards):
    """One table per grouping: [{"title", "rows": [{label, count, percent}]}]
    """
    awards = awards.order_by()
    by_year = (
        awards.annotate(year=ExtractYear("awarded_on")).values("year")
        .annotate(n=Count("id")).order_by("year")
    )
    by_level = awards.values("award_type__level").annotate(n=Count("id"))
    levels = dict(AwardLevel.choices)
    by_province = (
        awards.values("unit__province__code", "unit__province__name_lo")
        .annotate(n=Count("id")).order_by("unit__province__code")
    )
    by_gender = awards.values("official__gender").annotate(n=Count("id")).order_by(
        "official__gender")
    genders = dict(Official.Gender.choices)
    by_award = (
        awards.values("award_type__precedence", "award_type__name_lo")
        .annotate(n=Count("id")).order_by("award_type__precedence")
    )
    level_order = list(levels)
    return [
        {"title": _("By year"), "rows": _rows((row["year"], row["n"]) for row in by_year)},
        {"title": _("By level"), "rows": _rows(
            (levels.get(row["award_type__level"], "—"), row["n"])
            for row in sorted(by_level, key=lambda r: level_order.index(r["award_type__level"]))
        )},
        {"title": _("By province"), "rows": _rows(
            (row["unit__province__name_lo"] or _("Central level"), row["n"])
            for row in by_province
        )},
        {"title": _("By gender"), "rows": _rows(
            (genders.get(row["official__gender"], _("Collectives")), row["n"])
            for row in by_gender
        )},
        {"title": _("By award"), "rows": _rows(
            (row["award_type__name_lo"], row["n"]) for row in by_award
        )},
    ]
