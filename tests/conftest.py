import pytest

from kg.gazetteer import load_gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()
