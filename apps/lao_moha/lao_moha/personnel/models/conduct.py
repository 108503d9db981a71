"""How the official has served: annual evaluations and discipline."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel

from .records import DecisionRecord, check_period, official_link

FIRST_EVALUATION_YEAR = 1975


class Evaluation(DocTypeModel):
    """The official's annual performance evaluation: one rating a year."""

    official = official_link("evaluations")
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.ForeignKey(
        "personnel.EvaluationRating",
        verbose_name=_("rating"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    remarks = models.TextField(_("remarks"), blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["official", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["official", "year"], name="unique_evaluation_per_year"
            )
        ]

    def __str__(self):
        return _("{year}: {rating}").format(year=self.year, rating=self.rating)

    def clean(self):
        this_year = timezone.localdate().year
        if self.year is not None and not FIRST_EVALUATION_YEAR <= self.year <= this_year:
            raise ValidationError(
                {"year": _("The year must be between {first} and {last}.").format(
                    first=FIRST_EVALUATION_YEAR, last=this_year
                )}
            )


class Discipline(DecisionRecord):
    """A disciplinary measure taken against the official, and its period."""

    official = official_link("disciplines")
    measure = models.ForeignKey(
        "personnel.DisciplineMeasure",
        verbose_name=_("measure"),
        on_delete=models.PROTECT,
        related_name="disciplines",
    )
    reason = models.TextField(_("reason"))
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        ordering = ["official", "-start_date", "-pk"]

    def __str__(self):
        return _("{measure} from {start}").format(
            measure=self.measure, start=self.start_date
        )

    def clean(self):
        check_period(self.start_date, self.end_date)

    def is_in_force(self, day):
        """Whether the measure applies on `day`."""
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)
