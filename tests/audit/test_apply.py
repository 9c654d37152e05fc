"""Which fixes ``audit --fix`` writes, and that it writes nothing else."""

from __future__ import annotations

import pytest

from bot.audit import audit_texts
from bot.audit.apply import apply_fixes, chosen

TEXT = (
    "## A\n\n"
    '1. **"Attention Is All You Need"**. A*shish Vaswani et al*. NeurIPS 2017.'
    " [[Paper](https://arxiv.org/abs/1706.03762)]\n"
    '3. **"Language Models are Few-Shot Learners"**. *Tom B. Brown et al*. NeurIPS 2020.'
    " [[Paper]](https://arxiv.org/abs/2005.14165)\n"
    "no newline at the end"
)


@pytest.mark.parametrize(
    "accept_emphasis, changed_lines",
    [(False, {4}), (True, {3, 4})],
    ids=["mechanical-only", "accepted-emphasis-too"],
)
def test_fixes_written(accept_emphasis: bool, changed_lines: set[int]) -> None:
    findings = audit_texts([("README.md", TEXT, None)])
    emphasis = [x.id for x in findings if "inside a word" in x.message]
    accepted = emphasis if accept_emphasis else []
    applied = apply_fixes({"README.md": TEXT}, chosen(findings, accepted))
    new = applied.texts["README.md"]
    old_lines, new_lines = TEXT.split("\n"), new.split("\n")
    assert len(old_lines) == len(new_lines) and new.endswith("no newline at the end")
    pairs = enumerate(zip(old_lines, new_lines, strict=True), 1)
    assert {n for n, (a, b) in pairs if a != b} == changed_lines
    assert new_lines[3].startswith("2. ") and "[[Paper](https://arxiv.org/abs/2005.14165)]" in new
    assert ("*Ashish Vaswani et al*" in new) is accept_emphasis
    assert applied.missed == ()


def test_a_fix_whose_text_moved_is_missed_not_forced() -> None:
    findings = chosen(audit_texts([("README.md", TEXT, None)]))
    edited = TEXT.replace("[[Paper]](https://arxiv.org/abs/2005.14165)", "[[Paper](x)]")
    applied = apply_fixes({"README.md": edited}, findings)
    assert [fix.old for fix in applied.missed] == ["[[Paper]](https://arxiv.org/abs/2005.14165)"]
    assert applied.texts["README.md"].split("\n")[3].startswith("2. ")
