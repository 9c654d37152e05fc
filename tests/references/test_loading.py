"""The public loading API: format registry, detection, and clear errors."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bot.errors import InputError
from bot.references import FORMATS, detect_format, load, load_references, parse, parse_references

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SAMPLES = {
    "bibtex": "@article{k,\n  title = {A Title},\n  year = 2020\n}\n",
    "bbl": (
        "\\begin{thebibliography}{1}\n\\bibitem{k}\nA.~B, ``A Title,'' 2020.\n"
        "\\end{thebibliography}\n"
    ),
    "text": "References\n[1] A. B, “A Title,” 2020.\n",
    "markdown": '# Papers\n\n1. **"A Title"**. *A. B*. arXiv 2020.\n',
}


def test_formats():
    assert FORMATS == ("bibtex", "bbl", "text", "markdown")


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_module_has_the_interface(name):
    module = importlib.import_module(f"bot.references.{name}")
    assert module.EXTENSIONS and all(ext.startswith(".") for ext in module.EXTENSIONS)
    assert module.sniff(SAMPLES[name])
    result = module.parse(SAMPLES[name], "sample")
    assert [ref.title for ref in result.references] == ["A Title"]


@pytest.mark.parametrize("name", FORMATS)
def test_parse_references_is_pure_and_tags_the_source(name):
    (reference,) = parse_references(SAMPLES[name], name, source="mem")
    assert reference.title == "A Title"
    assert reference.source == "mem"
    assert reference.year == 2020
    assert reference.line >= 1


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("refs.bib", "bibtex"),
        ("REFS.BIB", "bibtex"),
        ("paper.bbl", "bbl"),
        ("references.txt", "text"),
        ("README.md", "markdown"),
        ("list.markdown", "markdown"),
    ],
)
def test_detect_by_extension(filename, expected):
    assert detect_format(filename) == expected


@pytest.mark.parametrize("name", FORMATS)
def test_detect_by_content_when_the_extension_says_nothing(tmp_path, name):
    path = tmp_path / "references"
    path.write_text(SAMPLES[name], encoding="utf-8")
    assert detect_format(path, SAMPLES[name]) == name
    assert [ref.title for ref in load_references(path)] == ["A Title"]


def test_explicit_format_overrides_the_extension(tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text(SAMPLES["markdown"], encoding="utf-8")
    assert [ref.title for ref in load_references(path, "markdown")] == ["A Title"]


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLES["bibtex"].replace("\n", "\r\n").encode())
    (reference,) = load_references(path)
    assert (reference.title, reference.line, reference.end_line) == ("A Title", 1, 4)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(lambda p: None, "no such file", id="missing"),
        pytest.param(lambda p: p.mkdir(), "is a directory", id="directory"),
        pytest.param(
            lambda p: p.write_bytes(b"@article{k, title={caf\xe9}}"),
            "not valid UTF-8",
            id="latin-1",
        ),
    ],
)
def test_file_errors_are_input_errors(tmp_path, setup, message):
    path = tmp_path / "refs.bib"
    setup(path)
    with pytest.raises(InputError, match=message):
        load_references(path)


def test_unknown_format_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="unknown reference format 'ris'"):
        load_references(FIXTURES / "survey.bib", "ris")
    with pytest.raises(InputError, match="unknown reference format"):
        parse("x", "ris")


def test_undetectable_content_is_an_input_error(tmp_path):
    path = tmp_path / "notes.dat"
    path.write_text("nothing that looks like references\n", encoding="utf-8")
    with pytest.raises(InputError, match="pass --format"):
        load(path)
