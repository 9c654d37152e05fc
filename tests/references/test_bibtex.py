"""The BibTeX loader: a realistic survey .bib with every feature, and the edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.references import bibtex, load, parse, parse_references
from bot.text.latex import decode

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "survey.bib"


@pytest.fixture(scope="module")
def survey():
    return load(FIXTURE)


@pytest.fixture(scope="module")
def by_key(survey):
    return {ref.key: ref for ref in survey.references}


def test_keys_in_file_order(survey):
    assert [ref.key for ref in survey.references] == [
        "vaswani2017attention",
        "devlin2019bert",
        "liu2019roberta",
        "zhao2023survey",
        "touvron2023llama",
        "openai2023gpt4",
        "kaplan2020scaling",
        "wei2022chain",
        "schick2023toolformer",
        "mikolov2010recurrent",
        "sanh2022multitask",
        "pinker2014language",
        "rasley2020deepspeed",
        "steele2020jr",
    ]


def test_broken_entries_are_skipped_with_line_and_reason(survey):
    skipped = [(s.what.split()[0], s.why) for s in survey.skipped]
    source = str(FIXTURE)
    assert skipped == [
        (f"{source}:115", "a braced value never closes (unbalanced braces)"),
        (f"{source}:130", "expected '=' after field 'title', found '{Missing equals sign'"),
        (f"{source}:162", "duplicate key 'vaswani2017attention' (first defined on line 17)"),
    ]


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("vaswani2017attention", "Attention is All you Need"),
        (
            "devlin2019bert",
            "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        ),
        ("liu2019roberta", "RoBERTa: A Robustly Optimized BERT Pretraining Approach"),
        ("touvron2023llama", "LLaMA: Open and Efficient Foundation Language Models"),
        ("openai2023gpt4", "GPT-4 Technical Report"),
        ("kaplan2020scaling", "Scaling Laws for Neural Language Models"),
        ("mikolov2010recurrent", "Recurrent neural network based language model"),
        ("steele2020jr", "Accents: Über élève — naïve & Straße ø"),
    ],
    ids=lambda value: value if value.isidentifier() else None,
)
def test_titles_decoded(by_key, key, title):
    assert by_key[key].title == title


@pytest.mark.parametrize(
    ("key", "arxiv"),
    [
        pytest.param("liu2019roberta", "1907.11692", id="corr-volume-and-url"),
        pytest.param("zhao2023survey", "2303.18223", id="journal-arxiv-preprint"),
        pytest.param("touvron2023llama", "2302.13971", id="eprint-archiveprefix"),
        pytest.param("openai2023gpt4", "2303.08774", id="eprinttype-with-version"),
        pytest.param("kaplan2020scaling", "2001.08361", id="quoted-corr-volume"),
        pytest.param("wei2022chain", "2201.11903", id="arxiv-doi"),
        pytest.param("schick2023toolformer", "2302.04761", id="pdf-url"),
        pytest.param("vaswani2017attention", None, id="none"),
        pytest.param("sanh2022multitask", None, id="openreview-url-is-not-arxiv"),
    ],
)
def test_arxiv_ids(by_key, key, arxiv):
    assert by_key[key].arxiv == arxiv


@pytest.mark.parametrize(
    ("key", "doi"),
    [
        pytest.param("devlin2019bert", "10.18653/v1/n19-1423", id="own-doi-not-parents"),
        pytest.param("rasley2020deepspeed", "10.1145/3394486.3406703", id="doi-from-url"),
        pytest.param("wei2022chain", "10.48550/arxiv.2201.11903", id="arxiv-doi-lowercased"),
        pytest.param("liu2019roberta", None, id="none"),
    ],
)
def test_dois(by_key, key, doi):
    assert by_key[key].doi == doi


@pytest.mark.parametrize(
    ("key", "authors"),
    [
        pytest.param(
            "vaswani2017attention",
            (
                "Ashish Vaswani",
                "Noam Shazeer",
                "Niki Parmar",
                "Jakob Uszkoreit",
                "Llion Jones",
                "Aidan N. Gomez",
                "Łukasz Kaiser",
                "Illia Polosukhin",
            ),
            id="first-last-multiline",
        ),
        pytest.param(
            "devlin2019bert",
            ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"),
            id="last-comma-first",
        ),
        pytest.param("openai2023gpt4", ("OpenAI",), id="braced-corporate"),
        pytest.param(
            "zhao2023survey",
            ("Wayne Xin Zhao", "Kun Zhou", "Junyi Li", "Tianyi Tang", "Xiaolei Wang"),
            id="and-others-dropped",
        ),
        pytest.param(
            "mikolov2010recurrent",
            (
                "Tomáš Mikolov",
                "Martin Karafiát",
                "Lukáš Burget",
                "Jan Černocký",
                "Sanjeev Khudanpur",
            ),
            id="accents-in-names",
        ),
        pytest.param(
            "steele2020jr",
            ("Guy L. Steele Jr.", "Jörg Müller", "Søren Østergaard", "Alain François"),
            id="junior-part",
        ),
    ],
)
def test_authors(by_key, key, authors):
    assert by_key[key].authors == authors


def test_macros_concatenation_and_months(by_key):
    assert by_key["vaswani2017attention"].venue == (
        "Advances in Neural Information Processing Systems 30: "
        "Annual Conference on Neural Information Processing Systems 2017"
    )
    assert by_key["sanh2022multitask"].venue.startswith(
        "The Tenth International Conference on Learning Representations, ICLR 2022"
    )
    assert by_key["liu2019roberta"].venue == "CoRR"


def test_crossref_inherits_and_parent_is_not_a_reference(by_key):
    devlin = by_key["devlin2019bert"]
    assert devlin.year == 2019
    assert devlin.venue.startswith(
        "Proceedings of the 2019 Conference of the North American Chapter"
    )
    assert "naacl2019" not in by_key


def test_comments_preamble_and_text_between_entries_are_ignored(by_key):
    assert "fake" not in by_key
    assert all("Not a reference" not in ref.title for ref in by_key.values())


def test_lines_and_spans(by_key):
    vaswani = by_key["vaswani2017attention"]
    assert (vaswani.line, vaswani.end_line) == (17, 25)
    assert by_key["mikolov2010recurrent"].line == 106  # @article( ... ) delimiters


def test_urls(by_key):
    assert by_key["steele2020jr"].urls == ("https://example.org/a_b~c",)
    assert by_key["liu2019roberta"].urls == ("http://arxiv.org/abs/1907.11692",)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (r"{\"u}ber", "über"),
        (r"\"{u}ber", "über"),
        (r"\"u", "ü"),
        (r"Caf\'e", "Café"),
        (r"{\ss}", "ß"),
        (r"\c{c}", "ç"),
        (r"\c c", "ç"),
        (r"{\L}ukasz", "Łukasz"),
        (r"Dess{\`\i}", "Dessì"),
        (r"{\v{C}}ernock{\'y}", "Černocký"),
        (r"{BERT}: {P}re-training", "BERT: Pre-training"),
        (r"1--10", "1–10"),
        (r"A---B", "A—B"),
        (r"Morgan \& Claypool", "Morgan & Claypool"),
        (r"50\% \$5 \_x \#1", "50% $5 _x #1"),
        (r"``quoted''", "“quoted”"),
        (r"A.~Vaswani", "A. Vaswani"),
        (r"\emph{In} {\em italics} \textbf{bold}", "In italics bold"),
        (r"\href{https://x.org}{Link text}", "Link text"),
        (r"\url{https://x.org/a}", "https://x.org/a"),
        (r"PanGu-$\Sigma$", "PanGu-Σ"),
        (r"2020\natexlab{a}", "2020a"),
        (r"\unknowncommand{kept}", "kept"),
        (r"x \~{} y", "x ~ y"),
    ],
    ids=lambda value: None,
)
def test_latex_decoding(raw, text):
    assert decode(raw) == text


def test_a_broken_entry_never_kills_the_file():
    text = (
        "@article{a, title={Unclosed\n"
        "@article{b, title={Fine}, year=2020}\n"
        "@misc{c title={No comma}}\n"
    )
    result = parse(text, "bibtex", "x.bib")
    assert [ref.key for ref in result.references] == ["b"]
    assert [s.what.split()[0] for s in result.skipped] == ["x.bib:1", "x.bib:3"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("% only a comment\n", id="comment-only"),
        pytest.param("@comment{x}\n@preamble{y}\n", id="no-entries"),
        pytest.param("Mail me at someone@example.org {please}\n", id="at-sign-in-text"),
    ],
)
def test_nothing_to_read(text):
    assert parse_references(text, "bibtex") == []


def test_unknown_macro_is_kept_as_text_and_case_insensitive_macros():
    text = (
        '@string{ACLW = "ACL Workshop"}\n'
        '@inproceedings{k, title="T", booktitle=aclw # " " # nowhere}\n'
    )
    (reference,) = parse_references(text, "bibtex")
    assert reference.venue == "ACL Workshop nowhere"


def test_entries_api_keeps_raw_fields():
    entries, skipped = bibtex.expand_entries("@article{k, title = {{BERT} \\& me}, month = jan}")
    assert skipped == []
    assert entries[0].fields == {"title": "{BERT} \\& me", "month": "January"}


@pytest.mark.parametrize(
    ("fields", "arxiv", "doi"),
    [
        pytest.param("journal = {arXiv}, number = {2303.18223}", "2303.18223", None, id="number"),
        pytest.param("number = {arXiv:2303.18223}", "2303.18223", None, id="prefixed-number"),
        pytest.param("journal = {Nature}, number = {2303}", None, None, id="number-not-an-id"),
        pytest.param("note = {arXiv:2303.18223}", "2303.18223", None, id="note"),
        pytest.param(
            "howpublished = {\\url{https://arxiv.org/abs/2303.18223v2}}",
            "2303.18223",
            None,
            id="howpublished",
        ),
        pytest.param(
            "url = {https://aclanthology.org/N19-1423.pdf}", None, "10.18653/v1/n19-1423", id="acl"
        ),
        pytest.param(
            'url = "https://aclanthology.org/2020.acl-main.463/"',
            None,
            "10.18653/v1/2020.acl-main.463",
            id="acl-new-style",
        ),
        pytest.param(
            "url = {https://aclanthology.org/2020.lrec-1.1}", None, None, id="lrec-has-no-doi"
        ),
        pytest.param(
            "url = {https://aclanthology.org/N19-1423}, doi = {10.1000/other}",
            None,
            "10.1000/other",
            id="doi-field-wins",
        ),
    ],
)
def test_ids_from_any_field_that_carries_them(fields, arxiv, doi):
    [ref] = parse(f"@misc{{k, title = {{T}}, {fields}}}\n", "bibtex").references
    assert (ref.arxiv, ref.doi) == (arxiv, doi)


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        *((kind, field) for kind in ("article", "misc", "inproceedings") for field in (
            "journal", "journaltitle", "booktitle", "eventtitle", "howpublished", "organization",
            "publisher",
        )),
        *((kind, field) for kind in ("phdthesis", "mastersthesis", "thesis")
          for field in ("school", "institution")),
        *((kind, field) for kind in ("techreport", "report")
          for field in ("institution", "organization")),
        *((kind, "publisher") for kind in ("book", "inbook", "mvbook")),
    ],
)  # fmt: skip
def test_the_venue_is_read_decoded_from_every_field_that_names_it(kind, field):
    text = f"@{kind}{{k, title = {{T}}, {field} = {{Universit{{\\\"a}}t~X}}}}"
    [ref] = parse(text, "bibtex").references
    assert ref.venue == "Universität X"


@pytest.mark.parametrize(
    ("kind", "fields", "venue"),
    [
        ("phdthesis", "publisher = {P}, school = {S}", "S"),
        ("book", "organization = {O}, publisher = {P}", "P"),
        ("article", "publisher = {P}, organization = {O}", "O"),
        ("article", "booktitle = {B}, journal = {J}", "J"),
        ("article", "journal = {https://example.org}, publisher = {P}", "P"),
    ],
)
def test_the_venue_field_each_kind_reads_first(kind, fields, venue):
    [ref] = parse(f"@{kind}{{k, title = {{T}}, {fields}}}", "bibtex").references
    assert ref.venue == venue
