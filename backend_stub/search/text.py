"""Text rules of catalog search, the same at index and at query time: folding (ё is е), words,
Snowball stems (Russian for Cyrillic words, English for Latin ones), keyboard layout swap, the typo
budget and a bounded edit distance. Plain Python, no database."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)  # what FTS5's unicode61 tokenizer calls a token
_CYRILLIC_RE = re.compile(r"[а-я]")
_LATIN_RE = re.compile(r"[a-z]")
MAX_QUERY_WORDS = 8  # words beyond these are ignored: a query stays a bounded number of lookups
MIN_STEM_PREFIX = 4
_VOWELS = set("аеиоуыэюяaeiouy")

_ru = Stemmer.Stemmer("russian")
_en = Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Lower case with ё as е: the one normalisation every indexed and searched word goes through."""
    return text.lower().replace("ё", "е")


def words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of a folded word: Russian for Cyrillic, English for Latin, digits as they are."""
    if _CYRILLIC_RE.search(word):
        return str(_ru.stemWord(word))
    if _LATIN_RE.search(word):
        return str(_en.stemWord(word))
    return word


def fleeting_vowel(word: str) -> list[str]:
    """The stem a Russian word may have without its fleeting vowel: 'кроссовок' (genitive plural)
    -> 'кроссовк' (as in 'кроссовки'), 'носок' -> 'носк'. Snowball does not undo this one."""
    if len(word) >= 5 and word[-2] in "ое" and word[-1] not in _VOWELS and word[-3] not in _VOWELS:
        return [word[:-2] + word[-1]]
    return []


def name_head(name: str, max_words: int = 4) -> list[str]:
    """The words of a product name before its first comma (at most `max_words`): 'Кроссовки
    беговые, чёрный' -> ['кроссовки', 'беговые']. What the suggest box offers for a name."""
    return words(name.split(",", 1)[0])[:max_words]


def typo_budget(word: str) -> int:
    """Typos tolerated in a word: none under 5 letters, 1 for 5-8, 2 for 9 or more."""
    n = len(word)
    if n < 5 or word.isdigit():
        return 0
    return 1 if n <= 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a transposition counts as one typo), or limit + 1 as soon
    as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def prefix_distance(typed: str, word: str, limit: int) -> int:
    """Typos between what was typed so far and the start of `word` ('шампн' is 1 from 'шампунь')."""
    n = len(typed)
    return min(
        edit_distance(typed, word[:j], limit) for j in range(max(1, n - limit), min(len(word), n + limit) + 1)
    )


def trigrams(word: str, *, whole: bool = True) -> set[str]:
    """Padded trigrams; `whole=False` leaves out the end padding (for matching a word's start)."""
    padded = "$$" + word + ("$" if whole else "")
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


_EN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?'
_RU = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"
_EN_TO_RU = str.maketrans(_EN, _RU)
_RU_TO_EN = {ord(r): e for e, r in zip(_EN, _RU, strict=True) if r.isalpha()}


def swap_layout(text: str) -> str:
    """The text as meant on the other keyboard layout: 'ifvgeym' -> 'шампунь', 'гпкуут' -> 'ugreen'.

    A query with Cyrillic letters is read as typed on the Russian layout meaning Latin, otherwise as
    typed on the English layout meaning Cyrillic (punctuation keys included: ',' is б, '[' is х)."""
    if re.search(r"[А-Яа-яЁё]", text):
        return text.translate(_RU_TO_EN)
    return text.translate(_EN_TO_RU)
