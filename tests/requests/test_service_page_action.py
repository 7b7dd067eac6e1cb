"""The service page's online option links to the e-loket form when a definition is active."""

from __future__ import annotations

from loket.requests.models import FormDefinition


def test_an_online_service_page_shows_online_aanvragen(client, extract):
    page = client.get("/diensten/bewijs-van-woonst/").content.decode()
    assert 'href="/aanvragen/bewijs-van-woonst/"' in page
    assert "Online aanvragen" in page


def test_an_inactive_definition_gives_no_link_and_no_form(client, extract, citizen):
    FormDefinition.objects.filter(pk=extract.pk).update(active=False)
    assert "/aanvragen/bewijs-van-woonst/" not in client.get("/diensten/bewijs-van-woonst/").content.decode()
    client.force_login(citizen)
    assert client.get("/aanvragen/bewijs-van-woonst/").status_code == 404
