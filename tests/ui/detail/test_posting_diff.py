"""The line diff shown between two copies of a posting."""

from jobtracker.ui.detail.posting_diff import diff_html, diff_text


def test_identical_texts_are_unchanged() -> None:
    diff = diff_text("We hire.\n\n- Python\n", "We hire.\n- Python")
    assert diff.unchanged and diff.lines == ()


def test_added_and_removed_lines_with_context() -> None:
    old = "Intro\n- Python\n- Go\nOutro"
    new = "Intro\n- Python\n- Rust\nOutro\nApply by March."
    diff = diff_text(old, new)
    assert (diff.added, diff.removed) == (2, 1)
    assert ("-", "• Go") in diff.lines and ("+", "• Rust") in diff.lines
    assert ("+", "Apply by March.") in diff.lines
    page = diff_html(diff, "Changed <since> then")
    assert "Changed &lt;since&gt; then" in page
    assert "line-through" in page and "• Rust" in page


def test_a_first_description_counts_as_added() -> None:
    diff = diff_text(None, "Now with text")
    assert (diff.added, diff.removed) == (1, 0)
