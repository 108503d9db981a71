"""Workflows as data, and the engine that moves records through them.

A workflow belongs to one model and holds states and transitions that an
administrator edits in the desk. A transition names the permission and,
optionally, the roles allowed to fire it, whether a comment is required,
and a condition (a named check the application registers). A state names
the fields that must be filled on entering it, whether the record may still
be edited, and its *stage*: the meaning the application gives it (the
model's `workflow_stages`), so states can be renamed or added without code.

Every transition is written to the log with who, when and the comment, and
the users who can act next are notified.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import DocTypeModel
from .text import localized_name

logger = logging.getLogger(__name__)

#: name -> (label, check); check(instance) returns why it is not met, or None.
_conditions = {}


def condition(name, label):
    """Register a check a transition may require, under a stable name."""

    def decorator(check):
        _conditions[name] = (label, check)
        return check

    return decorator


def condition_choices():
    return [(name, label) for name, (label, _check) in sorted(_conditions.items())]


class WorkflowError(ValidationError):
    """A transition that cannot happen now; the message says why."""


class WorkflowPermissionError(PermissionDenied):
    """The user may not fire this transition on this record."""


class Workflow(DocTypeModel):
    """The approval path of one kind of record, as data."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    model = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("workflow")
        verbose_name_plural = _("workflows")
        ordering = ["code"]

    def __str__(self):
        return localized_name(self)

    def clean(self):
        if self.is_active and self.model_id:
            others = Workflow.objects.filter(model_id=self.model_id, is_active=True)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"is_active": _("Another active workflow already governs this "
                                    "record type; deactivate it first.")}
                )


class WorkflowState(DocTypeModel):
    """A state a record can be in, e.g. "Submitted" or "Council"."""

    workflow = models.ForeignKey(
        Workflow, verbose_name=_("workflow"), on_delete=models.CASCADE,
        related_name="states",
    )
    code = models.SlugField(_("code"), max_length=50)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    stage = models.CharField(
        _("stage"), max_length=30, blank=True,
        help_text=_("What the application does in this state; one of the "
                    "stages the record type defines."),
    )
    is_initial = models.BooleanField(_("initial state"), default=False)
    editable = models.BooleanField(
        _("record editable"), default=False,
        help_text=_("The record's fields may be changed while it is in this state."),
    )
    required_fields = models.CharField(
        _("fields required on entry"), max_length=300, blank=True,
        help_text=_("Field names, separated by commas, that must be filled "
                    "before the record enters this state."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("workflow state")
        verbose_name_plural = _("workflow states")
        ordering = ["workflow", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["workflow", "code"], name="unique_workflow_state")
        ]

    def __str__(self):
        return localized_name(self)

    def required_field_names(self):
        return [name.strip() for name in self.required_fields.split(",") if name.strip()]

    def clean(self):
        errors = {}
        model = self.workflow.model.model_class() if self.workflow_id else None
        if model is not None:
            for name in self.required_field_names():
                try:
                    model._meta.get_field(name)
                except FieldDoesNotExist:
                    errors["required_fields"] = _(
                        "“{field}” is not a field of {model}."
                    ).format(field=name, model=model._meta.verbose_name)
            stages = getattr(model, "workflow_stages", None)
            if self.stage and stages is not None and self.stage not in stages.values:
                errors["stage"] = _("Unknown stage “{stage}”; use one of: {stages}.").format(
                    stage=self.stage, stages=", ".join(stages.values)
                )
        if self.is_initial and self.workflow_id:
            others = self.workflow.states.filter(is_initial=True).exclude(pk=self.pk)
            if others.exists():
                errors["is_initial"] = _("The workflow already has an initial state.")
        if errors:
            raise ValidationError(errors)


class WorkflowTransition(DocTypeModel):
    """An action moving a record from one state to another, and who may
    take it."""

    workflow = models.ForeignKey(
        Workflow, verbose_name=_("workflow"), on_delete=models.CASCADE,
        related_name="transitions",
    )
    action = models.SlugField(_("action code"), max_length=50)
    name_lo = models.CharField(_("action (Lao)"), max_length=200)
    name_en = models.CharField(_("action (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("action (Vietnamese)"), max_length=200, blank=True)
    from_state = models.ForeignKey(
        WorkflowState, verbose_name=_("from state"), on_delete=models.CASCADE,
        related_name="outgoing",
    )
    to_state = models.ForeignKey(
        WorkflowState, verbose_name=_("to state"), on_delete=models.CASCADE,
        related_name="incoming",
    )
    permission = models.CharField(
        _("permission required"), max_length=150, blank=True,
        help_text=_("“app_label.codename”, e.g. commendation.submit_proposal."),
    )
    allowed_roles = models.ManyToManyField(
        Group, verbose_name=_("roles allowed"), blank=True, related_name="+",
        help_text=_("When set, only members of these roles may take the action."),
    )
    requires_comment = models.BooleanField(_("comment required"), default=False)
    condition = models.CharField(
        _("condition"), max_length=100, blank=True, choices=condition_choices
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("workflow transition")
        verbose_name_plural = _("workflow transitions")
        ordering = ["workflow", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workflow", "from_state", "action"], name="unique_workflow_action"
            )
        ]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}: {localized_name(self)}"

    def clean(self):
        errors = {}
        for name in ("from_state", "to_state"):
            state = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if state is not None and state.workflow_id != self.workflow_id:
                errors[name] = _("This state belongs to another workflow.")
        if self.permission and permission_object(self.permission) is None:
            errors["permission"] = _(
                "No permission “{permission}” exists; write it as app_label.codename."
            ).format(permission=self.permission)
        if errors:
            raise ValidationError(errors)


class WorkflowLog(models.Model):
    """One transition taken on one record: who, when, from where to where
    and why."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    transition = models.ForeignKey(
        WorkflowTransition, verbose_name=_("transition"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    # Labels are copied: renaming a state later must not rewrite history.
    action = models.CharField(_("action"), max_length=200)
    from_state = models.CharField(_("from state"), max_length=200)
    to_state = models.CharField(_("to state"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("workflow log entry")
        verbose_name_plural = _("workflow log")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class WorkflowModel(models.Model):
    """Mixin of a record moved by a workflow: its current state.

    The concrete model sets `workflow_stages` (a TextChoices) and may define
    `workflow_entered(transition, log, user)`, run inside the transition.
    """

    workflow_state = models.ForeignKey(
        WorkflowState, verbose_name=_("state"), on_delete=models.PROTECT,
        null=True, blank=True, editable=False, related_name="+",
    )
    workflow_stages = None

    class Meta:
        abstract = True

    @property
    def stage(self):
        return self.workflow_state.stage if self.workflow_state_id else ""

    def save(self, *args, **kwargs):
        if self._state.adding and self.workflow_state_id is None:
            self.workflow_state = initial_state(type(self))
        elif not self._state.adding and not getattr(self, "_moved_by_workflow", False):
            stored = (
                type(self)._base_manager.filter(pk=self.pk)
                .values_list("workflow_state__editable", "workflow_state__name_lo")
                .first()
            )
            if stored is not None and stored[0] is not None and not stored[0]:
                raise WorkflowError(
                    _("“{record}” is at “{state}” and can no longer be edited.").format(
                        record=self, state=stored[1])
                )
        return super().save(*args, **kwargs)


# ---------------------------------------------------------------------------
# The engine
# ---------------------------------------------------------------------------


def permission_object(dotted):
    app_label, _dot, codename = dotted.partition(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def workflow_for(model):
    content_type = ContentType.objects.get_for_model(model)
    return Workflow.objects.filter(model=content_type, is_active=True).first()


def initial_state(model):
    workflow = workflow_for(model)
    if workflow is None:
        return None
    return workflow.states.filter(is_initial=True).first()


def transitions_from(instance):
    if instance.workflow_state_id is None:
        return []
    return list(
        WorkflowTransition.objects.filter(from_state_id=instance.workflow_state_id)
        .select_related("to_state")
        .prefetch_related("allowed_roles")
    )


def actor_refusal(transition, instance, user):
    """Why `user` may not take `transition` on `instance`, or None."""
    from . import scope

    if not getattr(user, "is_authenticated", False):
        return gettext("Sign in first.")
    if transition.permission and not user.has_perm(transition.permission):
        return gettext("Your role does not allow “{action}”.").format(
            action=localized_name(transition))
    roles = list(transition.allowed_roles.all())
    if roles and not user.is_superuser and not user.groups.filter(
        pk__in=[role.pk for role in roles]
    ).exists():
        return gettext("Only {roles} may take “{action}”.").format(
            roles=", ".join(role.name for role in roles), action=localized_name(transition))
    in_scope = scope.restrict(type(instance)._default_manager.filter(pk=instance.pk), user)
    if not in_scope.exists():
        return gettext("This record is outside your units.")
    return None


def condition_refusal(transition, instance):
    if not transition.condition:
        return None
    entry = _conditions.get(transition.condition)
    if entry is None:
        return gettext("The condition “{name}” is not known to the system.").format(
            name=transition.condition)
    return entry[1](instance)


def available_transitions(instance, user):
    """[(transition, why it is blocked or None)] the user may take now.

    Transitions the user may never take here are left out; those blocked by
    a condition are kept with the reason, so the desk can say what is missing.
    """
    result = []
    for transition in transitions_from(instance):
        if actor_refusal(transition, instance, user) is None:
            result.append((transition, condition_refusal(transition, instance)))
    return result


def missing_fields(instance, state):
    missing = []
    for name in state.required_field_names():
        value = getattr(instance, name, None)
        if value in (None, "") or (hasattr(value, "exists") and not value.exists()):
            missing.append(str(instance._meta.get_field(name).verbose_name))
    return missing


def apply(instance, action, user, comment="", values=None):
    """Take the transition `action` on `instance`; one transaction.

    `values` fills fields the target state requires (e.g. the council when
    referring to it). Returns the log entry; `instance` is refreshed.
    """
    comment = (comment or "").strip()
    with transaction.atomic():
        record = type(instance)._base_manager.select_for_update().get(pk=instance.pk)
        transition = next(
            (t for t in transitions_from(record) if t.action == action), None
        )
        if transition is None:
            raise WorkflowError(
                gettext("“{action}” cannot be taken while the record is at “{state}”.").format(
                    action=action, state=record.workflow_state or "—")
            )
        refusal = actor_refusal(transition, record, user)
        if refusal:
            raise WorkflowPermissionError(refusal)
        if transition.requires_comment and not comment:
            raise WorkflowError(
                gettext("“{action}” needs a comment giving the reason.").format(
                    action=localized_name(transition))
            )
        target = transition.to_state
        allowed = set(target.required_field_names())
        for name, value in (values or {}).items():
            if name in allowed:
                setattr(record, name, value)
        missing = missing_fields(record, target)
        if missing:
            raise WorkflowError(
                gettext("Fill in {fields} before “{action}”.").format(
                    fields=", ".join(f"“{name}”" for name in missing),
                    action=localized_name(transition))
            )
        refusal = condition_refusal(transition, record)
        if refusal:
            raise WorkflowError(refusal)
        source = record.workflow_state
        record.workflow_state = target
        record._moved_by_workflow = True
        record.save()
        log = WorkflowLog.objects.create(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            transition=transition,
            action=transition.name_lo,
            from_state=source.name_lo,
            to_state=target.name_lo,
            user=user,
            comment=comment,
        )
        hook = getattr(record, "workflow_entered", None)
        if hook is not None:
            hook(transition, log, user)
        # Part of the transition; the emails leave after the commit.
        notify_next_actors(record, log)
    logger.info("Workflow: %s %s moved %s -> %s by user %s",
                record._meta.label, record.pk, source.code, target.code, user.pk)
    instance.refresh_from_db()
    return log


def history(instance):
    return WorkflowLog.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
    ).select_related("user")


def next_actors(instance):
    """Active users, other than superusers, who can take a transition from
    the record's current state: by permission, role and unit."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from . import scope

    User = get_user_model()
    unit = scope.owning_unit(instance)
    found = User.objects.none()
    for transition in transitions_from(instance):
        users = User.objects.filter(is_active=True, is_superuser=False)
        if transition.permission:
            permission = permission_object(transition.permission)
            if permission is None:
                continue
            users = users.filter(
                Q(user_permissions=permission) | Q(groups__permissions=permission)
            )
        roles = list(transition.allowed_roles.all())
        if roles:
            users = users.filter(groups__in=roles)
        if unit is not None:
            ancestors = [int(part) for part in unit.path.strip("/").split("/") if part]
            users = users.filter(
                Q(unit_memberships__unit_id__in=ancestors)
                | Q(unit_memberships__unit__depth=1)
            )
        found = found | users
    return User.objects.filter(pk__in=found.values("pk"))


def notify_next_actors(instance, log):
    from django.urls import NoReverseMatch, reverse

    from .notifications import notify

    opts = instance._meta
    try:
        link = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
    except NoReverseMatch:
        link = ""
    users = next_actors(instance).exclude(pk=log.user_id)
    title = gettext("{record} is now at “{state}”").format(record=instance, state=log.to_state)
    body = gettext("{action} by {user}.").format(
        action=log.action, user=log.user.get_username() if log.user else "—")
    if log.comment:
        body += "\n" + log.comment
    return notify(users, title, body, link)
