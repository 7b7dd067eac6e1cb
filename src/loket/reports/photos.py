"""Photos of a report: checked by content and size, GPS position read, every metadata stripped.

A photo is re-encoded with Pillow from its pixels only (orientation applied first), so no EXIF,
XMP, IPTC, ICC or comment block survives: not the camera, not the time, not the GPS position
(which ``photo_position`` reads beforehand, to offer it as the report's place).
"""

from __future__ import annotations

import io
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from loket.cases.attachments import attachment_detect_type

MAX_PHOTOS = 3
PHOTO_MAX_BYTES = 8 * 1024 * 1024
PHOTO_TYPES = {"image/jpeg": ("JPEG", "jpg"), "image/png": ("PNG", "png")}
MAX_PIXELS = 40_000_000  # about 7,300 by 5,500: more than any phone camera, far from a bomb
GPS_IFD = 0x8825
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4


def _max_bytes() -> int:
    return min(PHOTO_MAX_BYTES, int(settings.ATTACHMENT_MAX_BYTES))


def photo_check(upload: Any) -> str:
    """The photo's MIME type (by content); ``ValidationError`` with code too_large, empty or
    unsupported_media_type otherwise."""
    name = (getattr(upload, "name", "") or "foto").rsplit("/", 1)[-1]
    size = int(getattr(upload, "size", 0) or 0)
    limit = _max_bytes()
    if size > limit:
        raise ValidationError(
            _("%(name)s: de foto is te groot (%(size)s MB); het maximum is %(limit)s MB.")
            % {"name": name, "size": round(size / 1_048_576, 1), "limit": limit // 1_048_576},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("%(name)s: het bestand is leeg.") % {"name": name}, code="empty")
    upload.seek(0)
    content_type = attachment_detect_type(upload.read(8192))
    upload.seek(0)
    if content_type not in PHOTO_TYPES:
        raise ValidationError(
            _("%(name)s: dit is geen foto. Toegelaten zijn JPEG en PNG.") % {"name": name},
            code="unsupported_media_type",
        )
    return content_type


def photos_check(uploads: Any) -> list[str]:
    """Check every photo before anything is stored; one message per refused file."""
    uploads = list(uploads)
    if len(uploads) > MAX_PHOTOS:
        raise ValidationError(
            {"photos": [_("Voeg maximaal %(max)s foto's toe.") % {"max": MAX_PHOTOS}]}, code="too_many"
        )
    types, errors = [], []
    for upload in uploads:
        try:
            types.append(photo_check(upload))
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationError({"photos": errors})
    return types


def _open(upload: Any) -> Image.Image:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("De foto heeft te veel pixels."), code="too_large")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("De foto kan niet gelezen worden."), code="unsupported_media_type") from exc
    return image


def _degrees(value: Any) -> float:
    d, m, s = (float(part) for part in value)
    return d + m / 60 + s / 3600


def photo_position(upload: Any) -> tuple[float, float] | None:
    """(lat, lon) from the photo's EXIF GPS block, or None when it has none (or nonsense)."""
    try:
        upload.seek(0)
        with Image.open(io.BytesIO(upload.read())) as image:
            gps = image.getexif().get_ifd(GPS_IFD)
    except Exception:  # an unreadable photo has no position; checking it is photo_check's job
        return None
    finally:
        upload.seek(0)
    try:
        lat = _degrees(gps[GPS_LAT]) * (-1 if str(gps.get(GPS_LAT_REF, "N")).upper().startswith("S") else 1)
        lon = _degrees(gps[GPS_LON]) * (-1 if str(gps.get(GPS_LON_REF, "E")).upper().startswith("W") else 1)
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return round(lat, 6), round(lon, 6)


def photo_clean(upload: Any) -> ContentFile:
    """A new file with only the photo's pixels (orientation applied): no metadata at all."""
    content_type = photo_check(upload)
    image = _open(upload)
    image = ImageOps.exif_transpose(image)
    image_format, extension = PHOTO_TYPES[content_type]
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
        buffer = io.BytesIO()
        clean.save(buffer, format="JPEG", quality=88, optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        clean = Image.new(image.mode, image.size)
        if image.mode == "P":
            clean.putpalette(image.getpalette() or [])
        clean.paste(image)
        buffer = io.BytesIO()
        clean.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name=f"foto-{uuid.uuid4().hex[:8]}.{extension}")
