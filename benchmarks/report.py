"""Write one benchmark's section of docs/benchmarks.md, leaving the other sections alone."""

from pathlib import Path

BENCHMARKS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
PAGE_HEADER = (
    "# Benchmarks\n\n"
    "Measured numbers, rewritten by `make bench`. Each section names its command and machine.\n"
)


def write_section(name: str, body: str, page: Path = BENCHMARKS_PAGE) -> None:
    """Replace the section between the markers for `name`, or append it."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n{body.rstrip()}\n{end}\n"
    text = page.read_text(encoding="utf-8") if page.exists() else PAGE_HEADER
    if start in text and end in text:
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        text = before + section.rstrip("\n") + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
