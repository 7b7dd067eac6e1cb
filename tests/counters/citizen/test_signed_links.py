from __future__ import annotations

import pytest
from django.core import signing

from loket.counters import links

from .conftest import TUESDAY, at


def test_a_token_gives_back_its_appointment(db, make_appointment):
    appointment = make_appointment(at(TUESDAY, 10))

    assert links.appointment_from_token(links.appointment_token(appointment)) == appointment


def test_a_tampered_token_is_refused(db, make_appointment):
    appointment = make_appointment(at(TUESDAY, 10))
    other = make_appointment(at(TUESDAY, 11))
    token = links.appointment_token(appointment)
    _value, signature = token.split(":", 1)
    forged = links.appointment_token(other).split(":", 1)[0] + ":" + signature

    with pytest.raises(signing.BadSignature):
        links.appointment_from_token(forged)
    with pytest.raises(signing.BadSignature):
        links.appointment_from_token(token[:-1] + ("A" if token[-1] != "A" else "B"))
    with pytest.raises(signing.BadSignature):
        links.appointment_from_token(signing.Signer(salt="another.salt").sign_object(appointment.pk))


@pytest.mark.parametrize("page", ["", "bevestigd/", "annuleren/", "verplaatsen/", "agenda.ics"])
def test_every_appointment_page_answers_404_to_a_tampered_link(client, db, make_appointment, page):
    appointment = make_appointment(at(TUESDAY, 10))
    token = links.appointment_token(appointment)
    tampered = token[:-2] + ("xy" if not token.endswith("xy") else "zz")

    assert client.get(f"/afspraak/{token}/{page}").status_code in (200, 302)
    assert client.get(f"/afspraak/{tampered}/{page}").status_code == 404


def test_links_are_absolute_and_take_a_base_url(db, make_appointment):
    appointment = make_appointment(at(TUESDAY, 10))
    token = links.appointment_token(appointment)

    assert links.appointment_manage_url(appointment) == f"http://127.0.0.1:8000/afspraak/{token}/"
    assert links.appointment_manage_url(appointment, base_url="https://loket.antwerpen.be/") == (
        f"https://loket.antwerpen.be/afspraak/{token}/"
    )
    assert links.appointment_check_in_url(appointment, base_url="https://x.be") == (
        f"https://x.be/loket/aanmelden/{token}/"
    )
    assert links.appointment_ics_url(appointment).endswith(f"/afspraak/{token}/agenda.ics")
