"""Emulation councils and their members' votes on nominees."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel
from lao_moha.core.text import localized_name

from ..choices import VoteChoice

PERCENT = [MinValueValidator(1), MaxValueValidator(100)]


class Council(DocTypeModel):
    """The emulation-commendation council of a level, whose members vote on
    each nominee. Quorum and majority are its settings."""

    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    unit = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT,
        related_name="councils",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="councils"
    )
    quorum_percent = models.PositiveSmallIntegerField(
        # xgettext:no-python-format
        _("quorum (% of members)"), default=67, validators=PERCENT,
        help_text=_("A nominee's vote counts only when at least this share of "
                    "the members has voted on them."),
    )
    majority_percent = models.PositiveSmallIntegerField(
        # xgettext:no-python-format
        _("majority (% of votes cast)"), default=50, validators=PERCENT,
        help_text=_("A nominee is approved when more than this share of the "
                    "votes cast are “for”."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["unit__path", "name_lo"]

    def __str__(self):
        return localized_name(self)

    def tally(self, votes, members=None):
        """Count `votes` (VoteChoice values) against the settings.

        Returns a dict: for, against, abstain, cast, members, quorum (bool),
        approved (bool).
        """
        members = self.members.count() if members is None else members
        counts = dict.fromkeys(VoteChoice.values, 0)
        for vote in votes:
            counts[vote] += 1
        cast = sum(counts.values())
        # Integer arithmetic, no rounding: at 67% of 3 members, 2 votes give
        # 200 < 201, so all three must vote.
        quorum = members > 0 and cast * 100 >= self.quorum_percent * members
        approved = quorum and counts[VoteChoice.FOR] * 100 > self.majority_percent * cast
        return {
            "for": counts[VoteChoice.FOR],
            "against": counts[VoteChoice.AGAINST],
            "abstain": counts[VoteChoice.ABSTAIN],
            "cast": cast,
            "members": members,
            "quorum": quorum,
            "approved": approved,
        }


class CouncilVote(models.Model):
    """One member's vote on one nominee."""

    nominee = models.ForeignKey(
        "commendation.Nominee", verbose_name=_("nominee"), on_delete=models.CASCADE,
        related_name="votes",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT,
        related_name="council_votes",
    )
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)
    comment = models.TextField(_("comment"), blank=True)
    cast_at = models.DateTimeField(_("cast at"), auto_now=True)

    class Meta:
        verbose_name = _("council vote")
        verbose_name_plural = _("council votes")
        constraints = [
            models.UniqueConstraint(fields=["nominee", "member"], name="one_vote_per_member")
        ]

    def __str__(self):
        return f"{self.nominee_id}: {self.get_choice_display()}"
