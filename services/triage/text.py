"""Canonical text for triage: one spelling for the many ways people write the same words.

`normalize_text` repeats what intake does (NFKC, whitespace folded, unencodable characters
replaced), so the classifier gives the same result on raw text and on intake's normalized
text. `canonicalize` goes further and
only feeds the classifier; counselors always see the original message.
"""

import re
import unicodedata

WHITESPACE_RUN = re.compile(r"\s+")
# NUL and lone surrogates become U+FFFD, as in intake, because Sudachi only accepts text that
# encodes as UTF-8 and raw text (a CLI line, a test) may contain them.
UNENCODABLE = re.compile("[\x00\ud800-\udfff]")

# Emoji that people use in place of a means of self-harm, mapped to the word the rules know.
# Skull emoji are left out on purpose: 「笑いすぎて💀」 is everyday slang for laughing hard.
EMOJI_WORDS = {
    "💊": "薬",
    "🔪": "刃物",
    "🗡": "刃物",
    "🪒": "カミソリ",
    "🪢": "ロープ",
    "🩸": "血",
}
EMOJI_PATTERN = re.compile("|".join(map(re.escape, EMOJI_WORDS)))
# Three or more pill emoji in a row picture a handful of pills: 💊💊💊全部飲んだ.
PILL_PILE = re.compile("💊{3,}")
VARIATION_SELECTORS = re.compile("[\ufe0e\ufe0f]")

# 4, ○ and similar stand in for 死 in censored or playful spellings: 4にたい, ○にたい, 4ね.
CENSORED_DIE = re.compile(r"[4〇○●◯](?=に(?:た|て|そ)|ね(?:$|[^ぁ-ん])|の[うー])")
# 死にたみ, 消えたみ: net slang that turns 〜たい into a noun with the same meaning.
DESIRE_NOUN = re.compile(r"(?<=死に|しに|消え|きえ)たみ")
# Yamagata spellings that Sudachi cannot read, mapped to standard ones.
DIALECT_SPELLINGS = {
    "生ぎで": "生きて",
    "生ぎ": "生き",
    "生きで": "生きて",
    "いなぐ": "いなく",
    "いだぐ": "いたく",
}
DIALECT_SPELLING_PATTERN = re.compile("|".join(map(re.escape, DIALECT_SPELLINGS)))
# タヒ is 死 split into two katakana; タヒチ (Tahiti) is a real word and stays.
TAHI_PATTERN = re.compile(r"タヒ(?!チ)")
# 氏 in place of 死 only in the verb forms 氏にたい, 氏ね, 氏のう; 「山田氏に」 stays.
UJI_PATTERN = re.compile(r"氏(?=に(?:た|て|そ|だ)|ね(?:ば|る|よ|$|[^ぁ-ん])|のう)")

KATAKANA_RUN = re.compile(r"[ァ-ヴー]{2,}")
KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヴ") + 1)}
# Words written in katakana for effect (ｼﾆﾀｲ becomes シニタイ after NFKC), keyed by their
# hiragana reading. Sudachi reads シニタイ as one unknown noun, so it needs this rewrite.
KATAKANA_SPELLINGS = {
    "しにたい": "死にたい",
    "しにたく": "死にたく",
    "しにて": "死にて",
    "しのう": "死のう",
    "しね": "死ね",
    "きえたい": "消えたい",
    "きえて": "消えて",
    "じさつ": "自殺",
    "さみしい": "さみしい",
    "さびしい": "さびしい",
    "つらい": "つらい",
    "しんどい": "しんどい",
    "たすけて": "助けて",
}
KATAKANA_PREFIXES = sorted(KATAKANA_SPELLINGS, key=len, reverse=True)
# Readings that may carry a tail (シニタイヨ, ジサツシタイ). The short ones must match the whole
# run, so that シネマ (cinema) does not become 死ねま.
KATAKANA_OPEN_PREFIXES = frozenset({"しにたい", "しにたく", "きえたい", "じさつ", "たすけて"})

# A character repeated three or more times stands for one: しにたいいいい, ！！！, ｗｗｗ.
REPEATED_CHARACTER = re.compile(r"(.)\1{2,}")
# A phrase said again and again stands for one: しにたいしにたいしにたい. Sudachi misreads the
# run (し/に/たいし), so it is cut to one copy. Units start at three characters, because
# two-character doublings are ordinary words (いろいろ, だんだん, ますます), and contain no
# ASCII or space, because English repeats short letter runs all the time (" be be" in
# "would be better").
REPEATED_PHRASE = re.compile(r"([^\x00-\x7f\s]{3,8}?)\1+")

# Stems that end in the i or e row; a dialect desire ending can only follow these.
VERB_STEM_END = "いきしちにひみりぎじびぴえけせてねへめれげぜでべぺ"
# Tohoku and casual desire endings: 死にてぇ, 消えでぇ, しにてー all mean 〜たい.
DIALECT_DESIRE = re.compile(
    rf"(?<=[{VERB_STEM_END}\u4e00-\u9fff])[てで](?:ぇ|え|ー)+(?=$|[^ぁ-ん]|[なよねべずわんのっ])"
)
# Yamagata voices the t of たい and たく after these stems: 死にだい, 消えだい, 死にだぐ.
VOICED_DESIRE = re.compile(r"(?<=死に|しに|消え|きえ|なり|まい)だ(?=い|く|ぐ)")
VOICED_NEGATIVE = re.compile(r"(?<=た)ぐ(?=ね|な)")
# Tohoku and casual negative desire: 死にたくね, 死にたくねぇ mean 死にたくない. Without this
# rewrite Sudachi reads ね as a sentence-final particle and the negation is lost.
DIALECT_NEGATIVE_DESIRE = re.compile(r"たくね[ぇえー]?(?=$|[^ぁ-ん]|[よなべずわし])")
# Yamagata ends sentences with ず (死にてぇず, 〜だず); after たい Sudachi would read it as
# the negation ず, so it is dropped there.
DIALECT_FINAL_ZU = re.compile(r"(?<=たい)ず(?=$|[^ぁ-ん]|[よねな])")
# A long-vowel mark after hiragana (死にたーい, 消えたーい) adds no meaning; katakana keeps it.
HIRAGANA_LONG_VOWEL = re.compile(r"(?<=[ぁ-ん])[ー〜~]+")

ASCII_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def normalize_text(text: str) -> str:
    """Apply NFKC (half-width katakana become full-width), then fold runs of whitespace."""
    encodable = UNENCODABLE.sub("\ufffd", text)
    return WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFKC", encodable)).strip()


def canonicalize(text: str) -> str:
    """Return the spelling the rules match: normalized, lower case, slang and dialect folded."""
    canonical = normalize_text(text).lower().translate(ASCII_APOSTROPHES)
    canonical = VARIATION_SELECTORS.sub("", canonical)
    canonical = PILL_PILE.sub("大量の薬", canonical)
    canonical = EMOJI_PATTERN.sub(lambda match: EMOJI_WORDS[match.group()], canonical)
    canonical = REPEATED_CHARACTER.sub(r"\1", canonical)
    canonical = REPEATED_PHRASE.sub(r"\1", canonical)
    canonical = KATAKANA_RUN.sub(_respell_katakana, canonical)
    canonical = TAHI_PATTERN.sub("死", canonical)
    canonical = UJI_PATTERN.sub("死", canonical)
    canonical = CENSORED_DIE.sub("死", canonical)
    canonical = DESIRE_NOUN.sub("たい", canonical)
    canonical = DIALECT_SPELLING_PATTERN.sub(
        lambda match: DIALECT_SPELLINGS[match.group()], canonical
    )
    canonical = DIALECT_DESIRE.sub("たい", canonical)
    canonical = VOICED_DESIRE.sub("た", canonical)
    canonical = VOICED_NEGATIVE.sub("く", canonical)
    canonical = DIALECT_NEGATIVE_DESIRE.sub("たくない", canonical)
    canonical = DIALECT_FINAL_ZU.sub("", canonical)
    return HIRAGANA_LONG_VOWEL.sub("", canonical)


def _respell_katakana(match: re.Match[str]) -> str:
    run = match.group()
    reading = run.translate(KATAKANA_TO_HIRAGANA).rstrip("ー")
    for prefix in KATAKANA_PREFIXES:
        if reading == prefix:
            return KATAKANA_SPELLINGS[prefix]
        if prefix in KATAKANA_OPEN_PREFIXES and reading.startswith(prefix):
            return KATAKANA_SPELLINGS[prefix] + reading[len(prefix) :]
    return run
