"""Tell a message in Chinese, Vietnamese, Spanish, Portuguese or Tagalog from Japanese and English.

Those languages are written in scripts that triage reads (kanji, the Latin alphabet), so the
script alone does not show that the rules and the model did not understand the message. The
classifier adds the [自動判定の対象外] reason for them too, so a counselor reads the message
rather than trusting a missing flag. The checks are deliberately simple:

- Chinese: no kana at all and at least two characters that Japanese does not use as words
  (们, 这, 吗, 么, 没, 还, 说, 让, 给, 吧, 呢, 很).
- Vietnamese: at least three letters with the hook, horn or dot below that only Vietnamese
  uses among the languages of the city's residents (ơ, ư, ạ, ả, ế, ộ, đ...).
- Spanish, Portuguese and Tagalog: at least four Latin words, of which at least a third are
  common function words of one of those languages and fewer than a fifth English ones.
  Romaji Japanese (shinitai, tasukete) has neither, so it stays read.
"""

import re

KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
CHINESE_ONLY = frozenset("们这吗么没还说让给吧呢很")
VIETNAMESE_LETTERS = re.compile(r"[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]")
LATIN_WORD = re.compile(r"[a-zà-ÿ]+")
MIN_LATIN_WORDS = 4
FOREIGN_SHARE = 1 / 3
ENGLISH_SHARE = 1 / 5
# Frequent short words of each language that English and romaji rarely contain as words.
FUNCTION_WORDS = {
    "spanish": frozenset(
        "que de no la el los las y en me mi es por con para estoy muy pero yo tengo todo nada"
        " ya más mas soy sin una un lo le se del al".split()
    ),
    "portuguese": frozenset(
        "não nao eu estou muito você voce com para uma um que de do da os as meu minha mais"
        " tudo nada sou sem ele ela isso".split()
    ),
    "tagalog": frozenset(
        "ako ko ang ng sa na hindi mga siya ka po ba niya ako'y ay kasi lang talaga wala"
        " gusto ayoko akin".split()
    ),
}
ENGLISH_WORDS = frozenset(
    "the i a and to is my me you it of in that this was for not be have so just do at with"
    " but are on all feel want can am im".split()
)


def unread_language(text: str) -> bool:
    """Return whether the text is in one of the languages named above."""
    if KANA.search(text) is None and sum(ch in CHINESE_ONLY for ch in text) >= 2:
        return True
    if len(VIETNAMESE_LETTERS.findall(text.lower())) >= 3:
        return True
    words = LATIN_WORD.findall(text.lower())
    if len(words) < MIN_LATIN_WORDS:
        return False
    english = sum(word in ENGLISH_WORDS for word in words)
    if english >= ENGLISH_SHARE * len(words):
        return False
    return any(
        sum(word in vocabulary for word in words) >= FOREIGN_SHARE * len(words)
        for vocabulary in FUNCTION_WORDS.values()
    )
