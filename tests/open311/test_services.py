from __future__ import annotations

import pytest

from tests.open311.conftest import BASE, children, xml

pytestmark = pytest.mark.django_db

SERVICE_FIELDS = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]
ATTRIBUTE_FIELDS = [
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
]


def test_discovery_in_json_names_the_v2_endpoint_and_both_formats(client, city):
    response = client.get("/open311/discovery.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"changeset", "contact", "key_service", "endpoints"}
    endpoint = data["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert endpoint["type"] == "production"


def test_discovery_in_xml_has_the_specifications_elements(client, city):
    root = xml(client.get("/open311/discovery.xml"))
    assert root.tag == "discovery"
    assert children(root) == ["changeset", "contact", "key_service", "endpoints"]
    endpoint = root.find("endpoints/endpoint")
    assert children(endpoint) == ["specification", "url", "changeset", "type", "formats"]
    assert [f.text for f in endpoint.findall("formats/format")] == ["text/xml", "application/json"]


def test_an_unknown_format_is_not_found(client, city):
    assert client.get("/open311/discovery.csv").status_code == 404
    assert client.get(f"{BASE}services.html").status_code == 404


def test_services_in_json_list_every_active_category_with_its_group(client, city):
    data = client.get(f"{BASE}services.json").json()
    assert len(data) == 33
    by_code = {service["service_code"]: service for service in data}
    assert list(by_code["weg.put"]) == SERVICE_FIELDS
    assert by_code["weg.put"]["service_name"] == "Put of schade in de rijweg"
    assert by_code["weg.put"]["group"] == "weg"
    assert by_code["weg.put"]["type"] == "realtime"
    assert by_code["weg.put"]["metadata"] is True
    assert by_code["afval.zwerfvuil"]["metadata"] is False
    assert "Pothole or road damage" in by_code["weg.put"]["keywords"]


def test_services_in_xml_use_services_and_service_elements_in_order(client, city):
    root = xml(client.get(f"{BASE}services.xml"))
    assert root.tag == "services"
    services = root.findall("service")
    assert len(services) == 33 and children(root) == ["service"] * 33
    assert all(children(service) == SERVICE_FIELDS for service in services)
    put = next(s for s in services if s.findtext("service_code") == "weg.put")
    assert put.findtext("metadata") == "true"
    assert put.findtext("type") == "realtime"


def test_an_inactive_category_is_no_service(client, city):
    from loket.reports.models import Category

    Category.objects.filter(code="weg.put").update(active=False)
    codes = [s["service_code"] for s in client.get(f"{BASE}services.json").json()]
    assert "weg.put" not in codes
    assert client.get(f"{BASE}services/weg.put.json").status_code == 404


def test_a_service_definition_in_json_lists_its_attributes_with_values(client, city):
    data = client.get(f"{BASE}services/afval.sluikstort.json").json()
    assert data["service_code"] == "afval.sluikstort"
    first, second = data["attributes"]
    assert list(first) == ATTRIBUTE_FIELDS
    assert first["code"] == "afvalsoort" and first["datatype"] == "multivaluelist"
    assert first["required"] is True and first["variable"] is True and first["order"] == 1
    assert {"key": "grofvuil", "name": "Grofvuil (meubels, matrassen)"} in first["values"]
    assert second["code"] == "hoeveelheid" and second["required"] is False


def test_a_service_definition_in_xml_follows_the_specification(client, city):
    root = xml(client.get(f"{BASE}services/afval.sluikstort.xml"))
    assert root.tag == "service_definition"
    assert children(root) == ["service_code", "attributes"]
    attribute = root.find("attributes/attribute")
    assert children(attribute) == ATTRIBUTE_FIELDS
    assert attribute.findtext("required") == "true"
    value = attribute.find("values/value")
    assert children(value) == ["key", "name"]
    assert value.findtext("key") == "huisvuil"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_service_code_is_404_in_the_specifications_error_format(client, city, fmt):
    response = client.get(f"{BASE}services/weg.bestaat-niet.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert response.json() == [{"code": 404, "description": "service_code 'weg.bestaat-niet' not found"}]
    else:
        root = xml(response)
        assert root.tag == "errors"
        assert children(root.find("error")) == ["code", "description"]
        assert root.findtext("error/code") == "404"


def test_the_open311_endpoints_stay_out_of_the_api_schema(client, city):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert not any("open311" in path for path in schema["paths"])
