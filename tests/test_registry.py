import inspect
import re

import pytest

from mtaudit.checks import REGISTRY
from mtaudit.model import Severity

SECTIONS = ("What it finds:", "Why it matters:", "Example:", "Use instead:")


def test_codes_are_unique_stable_and_match_their_key():
    assert len(set(REGISTRY)) == len(REGISTRY)
    for code, check in REGISTRY.items():
        assert re.fullmatch(r"MT\d{3}", code) and check.code == code and code != "MT000"


def test_names_are_unique_kebab_case():
    names = [c.name for c in REGISTRY.values()]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)


@pytest.mark.parametrize("code", list(REGISTRY))
def test_every_check_documents_itself(code):
    check = REGISTRY[code]
    doc = inspect.cleandoc(check.__doc__ or "")
    positions = [doc.find(section) for section in SECTIONS]
    assert all(p > 0 for p in positions), f"{code} docstring lacks one of {SECTIONS}"
    assert positions == sorted(positions)
    assert isinstance(check.severity, Severity)
