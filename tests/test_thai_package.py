"""``pos_app.thai`` hands out each helper from its own module on first use (``__getattr__``).

The helpers are asked through the package's ``__getattr__`` itself (a name asked once is kept in the package,
so later ``thai.x`` reads never reach it again); the expected values are worked by hand: 121 baht is
"หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน" (the เอ็ด rule), 2569 in Thai digits is "๒๕๖๙".
"""

from __future__ import annotations

import pytest

import pos_app.thai as thai
from pos_app.money import Money


def test_a_helper_asked_of_the_package_is_its_own_modules_and_stays_there() -> None:
    to_thai_digits = thai.__getattr__("to_thai_digits")
    assert to_thai_digits("2569") == "๒๕๖๙"
    assert thai.to_thai_digits("2569") == "๒๕๖๙"  # kept in the package: the same helper, not a stand-in
    baht_words = thai.__getattr__("baht_words")
    assert baht_words(Money.baht(121)) == "หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน"
    assert thai.baht_words(Money.baht(121)) == "หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน"


def test_every_name_the_package_lists_is_the_helper_of_that_name() -> None:
    for name in thai.__all__:
        value = thai.__getattr__(name)
        assert getattr(value, "__name__", name) == name, name


def test_a_name_the_package_does_not_have_is_refused_by_name() -> None:
    with pytest.raises(AttributeError, match=r"^module 'pos_app.thai' has no attribute 'bath_words'$"):
        thai.__getattr__("bath_words")
    assert not hasattr(thai, "bath_words")
