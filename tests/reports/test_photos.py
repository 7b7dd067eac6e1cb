from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from loket.reports.photos import PHOTO_MAX_BYTES, photo_position
from tests.reports.conftest import GROENPLAATS, jpeg_bytes, photo

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def exif_with_gps(lat: float, lon: float) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "PhoneModel X"  # Model
    exif[0x0132] = "2026:11:30 10:15:00"  # DateTime
    exif[0x013B] = "An Peeters"  # Artist

    def dms(value: float) -> tuple[float, float, float]:
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
        return (float(degrees), float(minutes), seconds)

    exif[GPS_IFD] = {1: "N", 2: dms(lat), 3: "E", 4: dms(lon)}
    return exif


def gps_jpeg(lat: float = GROENPLAATS[0], lon: float = GROENPLAATS[1]) -> bytes:
    return jpeg_bytes(size=(120, 80), exif=exif_with_gps(lat, lon))


def test_the_gps_position_of_a_photo_is_read():
    position = photo_position(photo(content=gps_jpeg()))
    assert position == pytest.approx(GROENPLAATS, abs=1e-5)


def test_a_photo_without_gps_has_no_position():
    assert photo_position(photo()) is None
    assert photo_position(photo(content=b"not an image at all")) is None


def test_every_exif_field_is_stripped_before_the_photo_is_stored(submit):
    original = gps_jpeg()
    assert b"PhoneModel X" in original and Image.open(io.BytesIO(original)).getexif()  # the test photo has EXIF
    report = submit(photos=[photo("IMG_0001.jpg", original)])
    attachment = report.case.attachments.get()
    with attachment.file.open("rb") as handle:
        stored = handle.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (120, 80)
    assert not image.getexif()
    assert "exif" not in image.info and "icc_profile" not in image.info
    for secret in (b"PhoneModel X", b"CameraMaker", b"An Peeters", b"2026:11:30", b"Exif"):
        assert secret not in stored
    assert attachment.content_type == "image/jpeg"


def test_png_text_chunks_are_stripped_too(submit):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "An Peeters")
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, format="PNG", pnginfo=info)
    report = submit(photos=[SimpleUploadedFile("scherm.png", buffer.getvalue(), content_type="image/png")])
    with report.case.attachments.get().file.open("rb") as handle:
        stored = handle.read()
    assert b"An Peeters" not in stored
    assert Image.open(io.BytesIO(stored)).format == "PNG"


def test_without_point_or_address_the_photos_position_is_the_place(submit):
    report = submit("weg.put", point=None, photos=[photo(content=gps_jpeg(51.2194, 4.4646))])  # Deurne
    assert report.lat == pytest.approx(51.2194, abs=1e-5)
    assert report.case.team.slug == "deurne-publiek-domein"


def test_a_chosen_point_wins_over_the_photos_position(submit):
    report = submit("weg.put", point=GROENPLAATS, photos=[photo(content=gps_jpeg(51.2194, 4.4646))])
    assert report.case.team.slug == "antwerpen-publiek-domein"


def test_at_most_three_photos(submit):
    with pytest.raises(ValidationError) as refused:
        submit(photos=[photo(f"{n}.jpg") for n in range(4)])
    assert "maximaal 3" in refused.value.message_dict["photos"][0]
    submit(photos=[photo(f"{n}.jpg") for n in range(3)])


def test_a_photo_that_is_too_large_is_refused_with_its_name(submit):
    big = SimpleUploadedFile("groot.jpg", jpeg_bytes(), content_type="image/jpeg")
    big.size = PHOTO_MAX_BYTES + 1
    with pytest.raises(ValidationError) as refused:
        submit(photos=[big])
    error = refused.value.error_dict["photos"][0]
    assert error.code == "too_large" and "groot.jpg" in error.message % (error.params or {})


def test_a_pdf_renamed_as_jpeg_is_refused_by_its_content(submit):
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4\n%...\n", content_type="image/jpeg")
    with pytest.raises(ValidationError) as refused:
        submit(photos=[fake])
    assert refused.value.error_dict["photos"][0].code == "unsupported_media_type"


def test_a_broken_jpeg_is_refused_before_anything_is_stored(submit):
    from loket.reports.models import Report

    broken = SimpleUploadedFile("kapot.jpg", jpeg_bytes()[:40], content_type="image/jpeg")
    with pytest.raises(ValidationError) as refused:
        submit(photos=[broken])
    assert "photos" in refused.value.message_dict
    assert not Report.objects.exists()
