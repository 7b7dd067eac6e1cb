"""A form definition's JSON is checked on save, with clear Dutch errors (also in the admin)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.requests.models import FormDefinition


def test_every_online_demo_service_has_an_active_definition(eloket):
    from loket.catalogue.models import Service

    online = set(Service.objects.filter(online=True).values_list("slug", flat=True))
    defined = set(FormDefinition.objects.filter(active=True).values_list("service__slug", flat=True))
    assert online and online == defined


def test_it_refuses_an_unknown_field_type_with_a_clear_message(extract):
    extract.fields = [{"name": "x", "label": "X", "type": "colour"}]
    with pytest.raises(ValidationError) as caught:
        extract.full_clean()
    assert "'type' moet een van" in str(caught.value.message_dict["fields"])


def test_it_refuses_a_choice_without_choices_and_duplicate_names(extract):
    extract.fields = [
        {"name": "a", "label": "A", "type": "choice"},
        {"name": "a", "label": "A2", "type": "text"},
    ]
    with pytest.raises(ValidationError) as caught:
        extract.save()
    text = " ".join(caught.value.messages)
    assert "keuzeveld heeft 'choices' nodig" in text
    assert "komt twee keer voor" in text


def test_it_refuses_a_document_type_the_case_engine_does_not_accept(extract):
    extract.documents = [{"name": "plan", "label": "Plan", "types": ["application/zip"]}]
    with pytest.raises(ValidationError) as caught:
        extract.full_clean()
    assert "types" in str(caught.value.message_dict["documents"])


def test_the_admin_shows_the_errors_next_to_the_json(client, extract, django_user_model):
    from loket.accounts.models import Role

    admin = django_user_model.objects.create_superuser(username="beheer", password="x", role=Role.ADMIN)
    client.force_login(admin)
    url = f"/beheer/requests/formdefinition/{extract.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "service": extract.service_id,
            "fields": '[{"name": "Fout Naam", "label": "", "type": "text"}]',
            "documents": "[]",
            "consent_text": "ok",
            "active": "on",
            "version": "2",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "mag enkel kleine letters" in page
    assert "geef een &#x27;label&#x27;" in page
