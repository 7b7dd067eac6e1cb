from __future__ import annotations

from loket.accounts import demo as accounts_demo
from loket.citizens import demo
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.national import national_number_validate


def test_the_demo_gives_the_demo_citizen_a_profile_in_berchem_and_is_idempotent(antwerp):
    accounts_demo.load(log=lambda line: None)
    demo.load(log=lambda line: None)
    demo.load(log=lambda line: None)
    jan = Citizen.objects.get(user__username="citizen")
    assert jan.district.slug == "berchem"
    assert Citizen.objects.count() == 21
    for number in Citizen.objects.values_list("national_number", flat=True):
        assert national_number_validate(number) == number
    assert ContactMoment.objects.count() == len(demo.MOMENTS)
