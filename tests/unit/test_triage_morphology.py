"""Sudachi tokenization of canonical text, including text over Sudachi's input limit."""

from services.triage.classifier import classify
from services.triage.morphology import MAX_CHUNK_BYTES, _chunks, tokenize_uncached

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
