"""Sudachi tokenization of canonical text, including text over Sudachi's input limit."""

from services.triage.classifier import classify
from services.triage.morphology import (
    MAX_CHUNK_BYTES,
    Token,
    _chunks,
    message_lemmas,
    sentence_bounds,
    tokenize_uncached,
)

# Sudachi rejects input over this many bytes with SudachiError.
SUDACHI_LIMIT_BYTES = 49_149


def _long_message(risk: str) -> str:
    """Return about 180 KB of distinct sentences with risk at the very end."""
    return "".join(f"今日は{number}回目の相談です。" for number in range(5000)) + risk


def test_long_text_tokenized_in_chunks() -> None:
    text = _long_message("もう死にたい")
    assert len(text.encode("utf-8")) > SUDACHI_LIMIT_BYTES
    tokens = tokenize_uncached(text)
    assert tokens[-1].surface == "たい"
    assert text[tokens[-1].begin : tokens[-1].begin + 2] == "たい"


def test_risk_after_long_text_is_urgent() -> None:
    """A crisis at the end of a very long message is still found, not a crash."""
    assert classify(_long_message("もう死にたい")).urgent


def test_chunks_cut_after_sentence_ends() -> None:
    text = _long_message("")
    pieces = _chunks(text)
    assert "".join(pieces) == text
    assert all(len(piece.encode("utf-8")) <= MAX_CHUNK_BYTES for piece in pieces)
    assert all(piece.endswith("。") for piece in pieces)


def test_chunks_without_sentence_ends() -> None:
    """Text without any sentence end is still cut below the limit."""
    text = "".join(chr(0x4E00 + (number * 7919) % 20000) for number in range(30000))
    pieces = _chunks(text)
    assert "".join(pieces) == text
    assert all(len(piece.encode("utf-8")) <= MAX_CHUNK_BYTES for piece in pieces)
    assert tokenize_uncached(text)


def test_tokens_are_token_tuples() -> None:
    """Tokens built without Token's __new__ still compare and read like Token(...)."""
    tokens = tokenize_uncached("休職中です")
    assert all(type(token) is Token for token in tokens)
    first = tokens[0]
    rebuilt = Token(
        first.surface,
        first.lemma,
        first.pos,
        first.pos_detail,
        first.conjugation,
        first.begin,
        first.parts,
    )
    assert first == rebuilt
    assert first.parts == ("休職", "中")
    assert tokens[1].parts == ()


def test_message_lemmas_of_tuple_and_list() -> None:
    tokens = tokenize_uncached("もう死にたい。ない")
    expected = frozenset(token.lemma for token in tokens)
    assert message_lemmas(tokens) == expected
    assert message_lemmas(tokens) is message_lemmas(tokens)
    changed = list(tokens)
    assert message_lemmas(changed) == expected
    changed.pop()
    assert message_lemmas(changed) == frozenset(token.lemma for token in changed)


def test_message_lemmas_follow_new_tokens() -> None:
    first = tokenize_uncached("死にたい")
    second = tokenize_uncached("仕事がつらい")
    assert "死ぬ" in message_lemmas(first)
    assert "死ぬ" not in message_lemmas(second)
    assert "仕事" in message_lemmas(second)


def test_sentence_bounds_match_walk() -> None:
    tokens = tokenize_uncached("眠れない。もう無理…仕事に行く\nつらい")
    for index in range(len(tokens) + 1):
        start = index
        while start > 0 and not _ends(tokens[start - 1]):
            start -= 1
        end = index
        while end < len(tokens) and not _ends(tokens[end]):
            end += 1
        assert sentence_bounds(tokens, index) == (start, end), index


def _ends(token: Token) -> bool:
    return token.surface in ("。", ".", "!", "?", "…", "\n") or token.pos_detail == "句点"
