"""Naming series: numbers given from a counter per (series, body, year).

A number is claimed inside the transaction that stores the record it names:
the series and counter rows are locked (SELECT ... FOR UPDATE) until that
transaction ends, so two clerks issuing at once get consecutive numbers,
and a rolled back issue gives its number back. Numbers therefore have no
gaps and no duplicates.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .models import DocTypeModel
from .text import localized_name

logger = logging.getLogger(__name__)

class NamingSeries(DocTypeModel):
    """A numbering series, e.g. the award decisions of one decider.

    The pattern places the number, the issuing body's code and the year:
    "{number}/{body}" gives "0042/MOHA".
    """

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    pattern = models.CharField(
        _("pattern"),
        max_length=100,
        default="{number}/{body}",
        help_text=_("Text with {number}, and optionally {body} and {year}."),
    )
    padding = models.PositiveSmallIntegerField(
        _("digits"), default=4, help_text=_("The number is padded with zeros to this width.")
    )
    per_year = models.BooleanField(
        _("restart every year"), default=True,
        help_text=_("Numbering starts again at 1 each calendar year."),
    )

    class Meta:
        verbose_name = _("naming series")
        verbose_name_plural = _("naming series")
        ordering = ["code"]

    def __str__(self):
        return localized_name(self)

    def clean(self):
        if "{number}" not in (self.pattern or ""):
            raise ValidationError(
                {"pattern": _("The pattern must contain {placeholder}.").format(
                    placeholder="{number}")}
            )

    def format(self, number, body="", year=None):
        return (
            self.pattern.replace("{number}", str(number).zfill(self.padding))
            .replace("{body}", body)
            .replace("{year}", str(year or ""))
        )


class NamingCounter(models.Model):
    """The last number given in a series for one issuing body and year."""

    series = models.ForeignKey(
        NamingSeries, verbose_name=_("naming series"), on_delete=models.CASCADE,
        related_name="counters",
    )
    body = models.CharField(_("issuing body"), max_length=60, blank=True, default="")
    year = models.PositiveSmallIntegerField(_("year"), default=0)
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("naming counter")
        verbose_name_plural = _("naming counters")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "body", "year"], name="unique_naming_counter"
            )
        ]

    def __str__(self):
        return f"{self.series.code} {self.body} {self.year}: {self.last}"


def next_name(series: NamingSeries, body: str = "", year: int | None = None):
    """Claim the next number of `series` for `body` and `year`.

    Returns (number, formatted name). Must run inside the transaction that
    saves the named record, which keeps the counter locked until it ends.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_name() must run inside transaction.atomic()")
    key = {"series": series, "body": body, "year": year if series.per_year else 0}
    counter = _locked_counter(key)
    counter.last += 1
    counter.save(update_fields=["last"])
    name = series.format(counter.last, body=body, year=year)
    logger.info("Series %s gave number %d (body %s, year %s)",
                series.pk, counter.last, body, key["year"])
    return counter.last, name


def _locked_counter(key):
    # Claims in one series queue behind a lock on the series row, which
    # always exists: racing to create a missing counter row would otherwise
    # deadlock on InnoDB's gap locks.
    NamingSeries.objects.select_for_update().only("pk").get(pk=key["series"].pk)
    # A locking read sees the newest committed number even under MariaDB's
    # REPEATABLE READ, where a plain read may return an older snapshot.
    counter = NamingCounter.objects.select_for_update().filter(**key).first()
    if counter is None:
        counter = NamingCounter.objects.create(**key)
    return counter
