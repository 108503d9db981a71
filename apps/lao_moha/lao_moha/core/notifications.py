"""Notifications: a line in the user's desk, and an email sent by the queue."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .jobs import enqueue
from .models import DocTypeModel

logger = logging.getLogger(__name__)


class Notification(DocTypeModel):
    """A message to one user that something awaits them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("to"), on_delete=models.CASCADE,
        related_name="notifications", editable=False,
    )
    title = models.CharField(_("title"), max_length=300, editable=False)
    body = models.TextField(_("message"), blank=True, editable=False)
    link = models.CharField(_("link"), max_length=300, blank=True, editable=False)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True, editable=False)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title


def notify(users, title, body="", link=""):
    """Create one notification per user and queue its email after commit.

    Returns the notifications made.
    """
    made = []
    for user in users:
        notification = Notification.objects.create(
            user=user, title=title[:300], body=body, link=link
        )
        transaction.on_commit(
            lambda pk=notification.pk: enqueue(send_notification_email, pk)
        )
        made.append(notification)
    logger.info("Notified %d users", len(made))
    return made


def send_notification_email(notification_id):
    """Job: send one notification by email, once."""
    notification = (
        Notification.objects.select_related("user").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at or not notification.user.email:
        return False
    site = getattr(settings, "SITE_URL", "").rstrip("/")
    message = notification.body
    if notification.link:
        message += f"\n\n{site}{notification.link}"
    send_mail(notification.title, message, None, [notification.user.email])
    Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())
    logger.info("Notification %s emailed", notification_id)
    return True


class NotificationAdminMixin:
    """The desk inbox: opening a notification marks it read and goes to the
    record it is about."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from django.http import HttpResponseRedirect

        notification = self.get_object(request, object_id)
        if notification is not None and request.method == "GET":
            if notification.read_at is None:
                notification.read_at = timezone.now()
                notification.save(update_fields=["read_at"])
            if notification.link:
                return HttpResponseRedirect(notification.link)
        return super().change_view(request, object_id, form_url, extra_context)
