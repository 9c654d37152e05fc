"""Shared records and fixture access for the editor tests."""

from __future__ import annotations

from pathlib import Path

from bot.suggestions import PaperItem, PaperRecord

DATA = Path(__file__).resolve().parent / "data"

LLAMA = PaperRecord(
    title="LLaMA: Open and Efficient Foundation Language Models",
    authors=("Hugo Touvron", "Thibaut Lavril", "Gautier Izacard"),
    year=2023,
    arxiv="2302.13971",
)
DPO = PaperRecord(
    title="Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
    authors=("Rafael Rafailov", "Archit Sharma"),
    year=2023,
    arxiv="2305.18290",
    published_venue="NeurIPS 2023",
    published_doi="10.5555/3666122.3668460",
)
SHAZEER = PaperRecord(
    title="Fast Transformer Decoding: One Write-Head is All You Need",
    authors=("Noam Shazeer",),
    year=2019,
    arxiv="1911.02150",
)


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def item(record: PaperRecord, section: str | None = None) -> PaperItem:
    return PaperItem(record=record, section=section)
