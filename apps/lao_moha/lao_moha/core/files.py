"""Private file storage and upload checks for attachments."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Extension -> the leading bytes a real file of that type starts with.
ALLOWED_TYPES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@deconstructible
class PrivateStorage(FileSystemStorage):
    """The site's private file folder, read at use time (tests move it)."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(Path(settings.PRIVATE_MEDIA_ROOT).resolve())

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def validate_upload(upload):
    """Refuse files of a type not allowed, too large, or not what they claim."""
    name = upload.name or ""
    extension = Path(name).suffix.lower()
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("“{name}”: files of type {ext} are not accepted; use one of {allowed}.").format(
                name=name, ext=extension or "—", allowed=", ".join(sorted(ALLOWED_TYPES))
            )
        )
    limit = getattr(settings, "ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)
    if upload.size > limit:
        raise ValidationError(
            _("“{name}” is {size} MB; the limit is {limit} MB.").format(
                name=name, size=round(upload.size / 1048576, 1), limit=round(limit / 1048576)
            )
        )
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(ALLOWED_TYPES[extension]):
        raise ValidationError(
            _("“{name}” does not contain a real {ext} file.").format(name=name, ext=extension)
        )
