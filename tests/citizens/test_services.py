from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.citizens.models import Citizen
from loket.citizens.services import citizen_create, citizen_for_user, citizen_update


def test_creating_a_citizen_makes_a_user_without_password_and_finds_the_district(an):
    assert an.user.role == Role.CITIZEN
    assert not an.user.has_usable_password()
    assert an.national_number == "85073003328"
    assert an.phone == "+3231234567"
    assert an.district.slug == "berchem"
    assert an.email_key == "an.vdb@example.org"
    assert AuditEntry.objects.filter(action="create", object_type="citizens.citizen", object_id=str(an.pk)).exists()


def test_it_refuses_a_bad_national_number_and_phone_with_errors_per_field(antwerp, agent):
    with pytest.raises(ValidationError) as error:
        citizen_create(first_name="X", last_name="Y", national_number="85073003329", phone="abc", actor=agent)
    assert set(error.value.message_dict) == {"national_number", "phone"}
    assert not Citizen.objects.exists()


def test_it_refuses_a_national_number_that_is_taken(an, agent):
    with pytest.raises(ValidationError) as error:
        citizen_create(first_name="X", last_name="Y", national_number="85073003328", actor=agent)
    assert "national_number" in error.value.message_dict


def test_an_update_moves_the_district_with_the_address_and_is_audited(an, agent):
    citizen_update(citizen=an, actor=agent, postcode="2100", street="", last_name="Peeters")
    an.refresh_from_db()
    assert an.district.slug == "deurne"
    assert an.user.last_name == "Peeters" and an.last_name_key == "peeters"
    line = AuditEntry.objects.filter(action="change", object_id=str(an.pk)).get()
    assert set(line.fields) == {"postcode", "street", "last_name"}


def test_an_update_refuses_unknown_fields(an, agent):
    with pytest.raises(ValidationError):
        citizen_update(citizen=an, actor=agent, role="admin")


def test_a_citizen_user_without_a_profile_gets_one(make_user):
    user = make_user(Role.CITIZEN, first_name="Éva", last_name="Çelik")
    citizen = citizen_for_user(user=user)
    assert citizen.first_name_key == "eva" and citizen.last_name_key == "celik"
    assert citizen_for_user(user=user).pk == citizen.pk


def test_staff_have_no_citizen_profile(agent):
    with pytest.raises(ValueError):
        citizen_for_user(user=agent)


def test_changing_the_users_email_elsewhere_keeps_the_search_key_in_step(an):
    an.user.email = "nieuw@example.org"
    an.user.save()
    an.refresh_from_db()
    assert an.email_key == "nieuw@example.org"
