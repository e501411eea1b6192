"""The benchmark's Markdown section and how it is written into docs/benchmarks.md."""

from pathlib import Path

from benchmarks.report import write_section
from services.triage.bench import Run, format_section


def sample_section() -> str:
    runs = [Run("uncached", 100, 0.01, 90.0, 300.0), Run("cached", 100, 0.005, 50.0, 200.0)]
    return format_section(runs, distinct=10, repeat=10, pinning="pinned to CPU 0")


def test_section_has_numbers_and_command() -> None:
    section = sample_section()
    assert section.startswith("## Triage\n")
    assert "| uncached | 100 | 10,000 | 90 µs | 300 µs |" in section
    assert "python -m services.triage.bench" in section
    assert "cores" in section


def test_write_section_replaces_only_triage(tmp_path: Path) -> None:
    """Writing the section twice keeps one copy and leaves other sections alone."""
    path = tmp_path / "benchmarks.md"
    write_section("intake", "## Intake\n\nkept\n", path)
    write_section("triage", "## Triage\n\nold\n", path)
    write_section("triage", sample_section(), path)
    text = path.read_text(encoding="utf-8")
    assert "old" not in text
    assert "## Intake\n\nkept" in text
    assert text.count("## Triage") == 1


def test_write_section_creates_page(tmp_path: Path) -> None:
    """A missing page is created with its title and the section."""
    path = tmp_path / "benchmarks.md"
    write_section("triage", sample_section(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n")
    assert "## Triage" in text
