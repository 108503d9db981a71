"""Values a report can use that no column stores, computed in the query."""

import datetime

from django.db.models import Case, CharField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


class AgeBand:
    """An official's age in ten-year bands, from the date of birth.

    Shown to anyone who may read officials: a band is a statistic, not the
    date itself, which stays a sensitive field.
    """

    name = "age_band"
    label = _("age band")
    kind = "choice"
    #: (key, label, lowest age, highest age); keys sort in age order.
    BANDS = (
        ("00_29", _("under 30"), None, 29),
        ("30_39", _("30 to 39"), 30, 39),
        ("40_49", _("40 to 49"), 40, 49),
        ("50_59", _("50 to 59"), 50, 59),
        ("60_up", _("60 and over"), 60, None),
    )

    def choices(self):
        return [(key, label) for key, label, _low, _high in self.BANDS]

    def expression(self, prefix, today=None):
        today = today or timezone.localdate()
        born = f"{prefix}date_of_birth"
        whens = []
        for key, _label, low, high in self.BANDS:
            # Aged at least `low`: born on or before today minus `low` years;
            # at most `high`: born after today minus `high + 1` years.
            condition = {}
            if low is not None:
                condition[f"{born}__lte"] = years_before(today, low)
            if high is not None:
                condition[f"{born}__gt"] = years_before(today, high + 1)
            whens.append(When(**condition, then=Value(key)))
        return Case(*whens, default=Value(None), output_field=CharField())

    def band_of(self, born, today=None):
        """The band of one date of birth (for checks and tests)."""
        today = today or datetime.date.today()
        age = (
            today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        )
        for key, _label, low, high in self.BANDS:
            if (low is None or age >= low) and (high is None or age <= high):
                return key
        return None


#: Computed fields by DocType label.
COMPUTED = {"personnel.official": (AgeBand(),)}


def computed_fields(doctype):
    return COMPUTED.get(doctype.label.lower(), ())
