from __future__ import annotations

from loket.accounts.models import Role
from loket.audit.models import AuditEntry


def test_an_admin_searches_citizens_and_viewing_one_is_audited(an, make_user, client):
    admin = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/beheer/citizens/citizen/", {"q": "Bossche"})
    assert response.status_code == 200
    assert "Van den Bossche" in response.content.decode()
    assert client.get(f"/beheer/citizens/citizen/{an.pk}/change/").status_code == 200
    assert AuditEntry.objects.filter(action="view", object_type="citizens.citizen", object_id=str(an.pk)).exists()


def test_the_admin_refuses_a_bad_national_number(an, make_user, client):
    admin = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        f"/beheer/citizens/citizen/{an.pk}/change/",
        {"user": an.user_id, "national_number": "85073003329", "phone": "", "preferred_language": "nl"},
    )
    assert response.status_code == 200
    assert "controlecijfers" in response.content.decode()
