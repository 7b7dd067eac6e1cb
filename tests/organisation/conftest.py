from tests.fixtures_organisation import antwerp  # noqa: F401
