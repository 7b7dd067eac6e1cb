from tests.fixtures_organisation import _fresh_district_cache, antwerp  # noqa: F401
