"""Rule tables for step raises and retirement.

Both are data edited in the desk, never constants: the Law on Civil
Servants is being amended (2025) and the step interval is not confirmed.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel

from ..choices import Gender


class StepRule(DocTypeModel):
    """When the next step (ຂັ້ນ) falls due after a grade/step change.

    Rules are tried in priority order; the first whose category and rating
    condition match the official decides. The rating compared is the one of
    the official's latest annual evaluation. An empty interval holds the
    raise while the condition holds (for example after a failed year).
    """

    priority = models.PositiveSmallIntegerField(
        _("priority"), help_text=_("Rules are tried from the lowest number up.")
    )
    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(
        "personnel.OfficialCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty: every category."),
    )
    rating_at_least = models.ForeignKey(
        "personnel.EvaluationRating",
        verbose_name=_("last rating at least"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rating_at_most = models.ForeignKey(
        "personnel.EvaluationRating",
        verbose_name=_("last rating at most"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    interval_months = models.PositiveSmallIntegerField(
        _("interval (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: the raise is held while this condition holds."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("step rule")
        verbose_name_plural = _("step rules")
        ordering = ["priority", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        low, high = self.rating_at_least, self.rating_at_most
        if self.rating_at_least_id and self.rating_at_most_id and low.rank > high.rank:
            raise ValidationError(
                {"rating_at_most": _("“At most” must not be below “at least”.")}
            )

    def matches(self, category_id, rating):
        """Whether the rule applies to this category and last rating."""
        if self.category_id and self.category_id != category_id:
            return False
        # A rating condition never matches an official not yet evaluated.
        if self.rating_at_least_id and (rating is None or rating.rank < self.rating_at_least.rank):
            return False
        return not (
            self.rating_at_most_id and (rating is None or rating.rank > self.rating_at_most.rank)
        )


class RetirementRule(DocTypeModel):
    """The retirement age for a category and gender, valid from a date.

    MoHA stated 60 for men and 55 for women (2014); the draft 2025
    amendment (Art. 71) lets retirement be deferred to 65 where work
    requires it, which `max_age_with_extension` bounds.
    """

    category = models.ForeignKey(
        "personnel.OfficialCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty: every category without a rule of its own."),
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    age = models.PositiveSmallIntegerField(_("retirement age"))
    max_age_with_extension = models.PositiveSmallIntegerField(
        _("highest age with an extension"), null=True, blank=True
    )
    valid_from = models.DateField(_("valid from"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("retirement rule")
        verbose_name_plural = _("retirement rules")
        ordering = ["category", "gender", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "gender", "valid_from"],
                name="unique_retirement_rule",
            )
        ]

    def __str__(self):
        return _("{gender}: {age} years").format(
            gender=self.get_gender_display(), age=self.age
        )

    def clean(self):
        if self.max_age_with_extension is not None and self.age is not None:
            if self.max_age_with_extension < self.age:
                raise ValidationError(
                    {"max_age_with_extension": _(
                        "The highest age with an extension cannot be below "
                        "the retirement age."
                    )}
                )
