"""The real course text passes hunspell ru/kk with the reviewed project word lists."""

import pytest

from conftest import ROOT
from kelisim import spelling

pytestmark = pytest.mark.skipif(not spelling.available(), reason="needs hunspell + ru/kk dictionaries (make test installs them)")


def test_course_text_is_spelled_correctly():
    unknown, mixed = spelling.check(ROOT)
    assert not mixed, "words mixing Latin and Cyrillic letters:\n" + "\n".join(map(str, mixed))
    assert not unknown, ("unknown words (fix the typo, or add the word to course/wordlist-<lang>.txt "
                         "after review):\n" + "\n".join(map(str, unknown)))


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_word_lists_are_sorted_and_free_of_duplicates(lang):
    path = ROOT / "course" / f"wordlist-{lang}.txt"
    words = [line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    words = [w for w in words if w]
    assert words == sorted(set(words), key=lambda w: (w.lower(), w)), f"{path.name}: keep it sorted, one word per line"
