"""Benchmark ``survey-bot check``: speed and accuracy against a naive fuzzy baseline.

Builds a synthetic 10,000-entry ``.bib`` (varied titles from word lists, model
names with versions, near-miss siblings of other entries, LaTeX accents and
braces; authors, years, ~40% arXiv ids, ~20% DOIs) and 1,000 queries: exact
titles, perturbed titles (case, punctuation, braces, accents, hyphenation,
ligature loss, ``&``/``and``, a dropped subtitle with authors and year), ids in
other forms, and new papers (fresh titles, near misses of existing titles,
unknown ids). Then it runs, in the same process:

* survey-bot: ``load_references`` + ``ReferenceIndex.build`` once, then
  ``check_many`` over the queries;
* the baseline: for each query, ``rapidfuzz.process.extractOne`` over all titles
  with ``token_sort_ratio`` on lower-cased, punctuation-free text (titles
  pre-processed once) and a fixed cut-off of 90; it has no notion of ids.

Then end to end, each a fresh process: ``survey-bot check --batch`` cold and warm
against the baseline as a program (``naive_check.py``), both from survey-bot's wheel
installed in a fresh environment, as a survey runs it (not from this checkout's
editable install, whose hook every start of its Python pays).

A verdict is correct when it is the expected one; ``cited`` counts only when the
matched reference is the right one. Run it with ``make bench`` (not part of the
test suite); it takes well under two minutes. Options: ``--entries``,
``--queries``, ``--seed``, ``--json`` (machine-readable summary).
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import hashlib
import json
import os
import platform
import random
import re
import subprocess
import sys
import sysconfig
import tempfile
import time
import unicodedata
import venv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import utils

from benchmarks import naive_check
from bot.matching import ReferenceIndex
from bot.models import Query
from bot.references import load_references
from bot.text.normalize import title_key

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 3  # timed runs per checker; the best counts

# ---------------------------------------------------------------------------
# Word lists


def wordlist(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


MODELS = wordlist(
    "GPT BERT LLaMA PaLM T5 ViT CLIP Flan Mistral Gemini OPT BLOOM Falcon Qwen Phi DeBERTa "
    "ELECTRA XLNet ALBERT RoBERTa DALL-E Whisper SAM DINO MAE Codex Chinchilla Gopher Galactica "
    "Vicuna Alpaca Orca Pythia Mamba RWKV Hyena Swin BEiT BLIP Flamingo Kosmos Muse Imagen "
    "Parti Sora Toolformer ReAct Reflexion Voyager AlphaCode StarCoder WizardLM Zephyr Yi"
)
ADJECTIVES = wordlist(
    "Efficient Robust Scalable Sparse Dense Contrastive Federated Multimodal Adaptive Causal "
    "Bayesian Probabilistic Hierarchical Recurrent Convolutional Generative Discriminative "
    "Self-Supervised Semi-Supervised Unsupervised Weakly-Supervised Few-Shot Zero-Shot "
    "Continual Interpretable Explainable Fair Private Differentiable Neural Symbolic Latent "
    "Structured Compositional Multilingual Cross-Lingual Long-Context Low-Resource Lightweight "
    "Parameter-Efficient Instruction-Tuned Retrieval-Augmented Embodied Autonomous Verifiable "
    "Faithful Calibrated Uncertainty-Aware Memory-Efficient Fine-Grained Open-Vocabulary"
)
NOUNS = wordlist(
    "Transformers Networks Representations Embeddings Agents Models Policies Graphs Retrieval "
    "Generation Reasoning Planning Alignment Distillation Quantization Pruning Attention "
    "Diffusion Tokenization Decoding Inference Pretraining Finetuning Benchmarks Evaluation "
    "Hallucination Memory Tools Prompts Rewards Preferences Feedback Summarization Translation "
    "Segmentation Detection Captioning Grounding Navigation Manipulation Forecasting Ranking "
    "Recommendation Compression Watermarking Unlearning Editing Routing Experts Adapters Workflows "
    "Classifiers Optimizers Schedulers Kernels Flows Fields Simulators Verifiers Critics Judges"
)
TASKS = wordlist(
    "Question Answering|Machine Translation|Code Generation|Image Classification|Object Detection|"
    "Speech Recognition|Text-to-Image Synthesis|Mathematical Reasoning|Theorem Proving|"
    "Drug Discovery|Protein Folding|Weather Forecasting|Autonomous Driving|Robotic Manipulation|"
    "Dialogue Systems|Information Extraction|Named Entity Recognition|Sentiment Analysis|"
    "Document Understanding|Video Understanding|Graph Classification|Time Series Forecasting|"
    "Anomaly Detection|Program Synthesis|Scientific Discovery|Medical Diagnosis|Legal Reasoning|"
    "Financial Forecasting|Visual Question Answering|Open-Domain Dialogue|"
    "Knowledge Graph Completion",
    sep="|",
)
DOMAINS = wordlist(
    "the Wild|Low-Resource Languages|Scientific Literature|Clinical Notes|Source Code|"
    "Social Media|Satellite Imagery|Edge Devices|Large Language Models|Vision-Language Models|"
    "Multi-Agent Systems|Reinforcement Learning|Graph Neural Networks|Mixture-of-Experts|"
    "Long Documents|Streaming Data|Noisy Labels|Distribution Shift|Adversarial Settings",
    sep="|",
)
VERBS = wordlist(
    "Learning Scaling Training Aligning Evaluating Distilling Compressing Grounding Steering "
    "Probing Teaching Prompting Decoding Retrieving Planning Verifying Benchmarking Rethinking "
    "Revisiting Understanding Improving Accelerating Stabilizing Unifying Measuring"
)
# Accented words (written with LaTeX accents in the .bib).
ACCENTED = wordlist(
    "Schrödinger Gödel Bézier Naïve Poincaré Fréchet Hölder Lévy Erdős Rényi Kullback–Leibler "
    "Gröbner Möbius Cauchy–Schwarz"
)
FIRST = wordlist(
    "Ada Alan Amir Ana Bo Carlos Chen Daniel Elena Emma Fatima Hao Hugo Ivan Jana Jie Jun "
    "Karim Lena Li Luis Maria Mei Noam Omar Priya Rahul Sara Tomas Wei Xin Yuki Zoe"
)
LAST = wordlist(
    "Smith Wang Zhang Li Liu Chen Kim Garcia Müller Schmidt Novák Dvořák Karafiát Sánchez "
    "López Pérez Nguyen Tanaka Sato Kowalski Ivanov Rossi Bianchi Dubois Lefèvre Jensen "
    "Hansen Johansson Öztürk Yılmaz Gupta Sharma Singh Patel Okafor Mensah Cohen Levi "
    "Brown Wilson Taylor Anderson Thomas Moore Martin Jackson White Harris Clark"
)
LATEX_ACCENTS = {"ö": '{\\"o}', "é": "{\\'e}", "ï": '{\\"i}', "ő": "{\\H{o}}", "ü": '{\\"u}',
                 "á": "{\\'a}", "ř": "{\\v{r}}", "è": "{\\`e}", "ı": "{\\i}", "Ö": '{\\"O}',
                 "–": "--"}  # fmt: skip
MINOR = {"a", "an", "the", "of", "for", "on", "in", "to", "with", "and", "via", "by", "from"}


# ---------------------------------------------------------------------------
# The synthetic survey


@dataclass
class Paper:
    key: str
    title: str  # plain Unicode: what a reader or a metadata service would give
    authors: list[str]
    year: int
    arxiv: str | None = None
    doi: str | None = None


# Method names coined by papers ("ChemCrow", "PaperQA", "Toolformer"): most
# titles of a real survey carry one, which keeps its vocabulary large.
NAME_HEADS = wordlist(
    "Chem Tool Paper Auto Mind Self Graph Code Meta Open Hyper Neuro Bio Geo Med Lang Vis Seq "
    "Sparse Fast Deep Long Mega Micro Nano Omni Poly Quant Retro Robo Sci Story Table Text Video "
    "Web World Agent Math Logic Prompt Reward Vision Audio Speech Music Chart Doc Map Plan"
)
NAME_TAILS = wordlist(
    "Crow QA former GPT Net BERT Agent Bench Flow Mind Fusion Coder Search Gen Mamba LM Diff "
    "Planner Critic Tutor Pilot Scope Forge Lens Sage Craft Bot Hub Mix Star Nova Verse Loop"
)


def method_name(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(MODELS)
    return rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS)


def random_title(rng: random.Random) -> str:
    model = method_name(rng)
    if rng.random() < 0.5:
        model += rng.choice(["", "-", " "]) + str(rng.randint(1, 5))
    adj, adj2 = rng.sample(ADJECTIVES, 2)
    noun, noun2 = rng.sample(NOUNS, 2)
    task, domain, verb = rng.choice(TASKS), rng.choice(DOMAINS), rng.choice(VERBS)
    accented = rng.choice(ACCENTED)
    templates = [
        f"{model}: {adj} {noun} for {task}",
        f"{model}: {verb} {adj} {noun} with {noun2}",
        f"{adj} {noun} for {task}",
        f"{verb} {adj} {noun} in {domain}",
        f"Towards {adj} {noun} for {domain}",
        f"On the {noun} of {adj} {noun2}",
        f"Are {adj} {noun} {adj2}?",
        f"Do {noun} Really Help {task}?",
        f"{adj} {noun} and {noun2}: A Survey",
        f"A Survey on {adj} {noun} for {task}",
        f"Scaling Laws for {adj} {noun}",
        f"{verb} {noun} with {adj} {noun2} and {domain}",
        f"{accented} {noun} for {adj} {task}",
        f"{model}: {accented} {noun} in {domain}",
        f"{adj} and {adj2} {noun} via {accented} {noun2}",
        f"When {adj} {noun} Meet {domain}",
        f"{verb} {model} {noun} Efficiently: {adj} {noun2} for {task}",
    ]
    return rng.choice(templates)


def content_words(title: str) -> list[int]:
    words = title.split()
    return [i for i, w in enumerate(words) if w.strip(":?").lower() not in MINOR and w.isalpha()]


def near_miss(title: str, rng: random.Random) -> str:
    """A different paper whose title is close to ``title``."""
    kind = rng.choice(["version", "suffix", "question", "swap", "insert", "drop"])
    words = title.split()
    if kind == "version":
        found = re.search(r"\d+", title)
        if found:
            n = int(found.group())
            return title[: found.start()] + str(n + rng.randint(1, 3)) + title[found.end() :]
        model = next((w for w in words if w.rstrip(":") in MODELS), None)
        if model:
            return title.replace(model.rstrip(":"), f"{model.rstrip(':')} {rng.randint(2, 4)}", 1)
        kind = "swap"
    if kind == "suffix":
        model = next((w for w in words if w.rstrip(":") in MODELS), None)
        if model:
            return title.replace(model.rstrip(":"), f"{model.rstrip(':')}-{rng.choice('EVXR')}", 1)
        kind = "question"
    if kind == "question":
        if not title.startswith(("Are ", "Do ")):
            return "Are " + title.rstrip("?") + " Enough?"
        kind = "swap"
    spots = content_words(title)
    if kind == "drop" and len(spots) > 3:
        del words[rng.choice(spots[1:])]
        return " ".join(words)
    if kind == "insert":
        at = rng.choice(spots) if spots else 0
        words.insert(at, rng.choice(ADJECTIVES))
        return " ".join(words)
    if spots:  # swap one content word for a clearly different one
        at = rng.choice(spots)
        old = words[at]
        pool = NOUNS if old in NOUNS else ADJECTIVES
        new = rng.choice([w for w in pool if w[:3].lower() != old[:3].lower()])
        words[at] = new
        return " ".join(words)
    return title + " Revisited"


def make_papers(n: int, rng: random.Random) -> list[Paper]:
    papers: list[Paper] = []
    keys: set[str] = set()
    arxiv_ids: set[str] = set()
    while len(papers) < n:
        if papers and rng.random() < 0.2:
            title = near_miss(rng.choice(papers).title, rng)  # a sibling already in the survey
        else:
            title = random_title(rng)
        k = title_key(title)
        if k in keys:
            continue
        keys.add(k)
        year = rng.randint(1998, 2025)
        authors = [
            f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.choice([1, 2, 3, 3, 4, 6]))
        ]
        paper = Paper(f"p{len(papers)}", title, authors, year)
        if rng.random() < 0.4 and year >= 2008:
            while True:
                month = rng.randint(1, 12)
                ident = f"{year % 100:02d}{month:02d}.{rng.randint(1, 29999):05d}"
                if ident not in arxiv_ids:
                    break
            arxiv_ids.add(ident)
            paper.arxiv = ident
        if rng.random() < 0.2:
            paper.doi = (
                f"10.{rng.randint(1000, 9999)}/{rng.choice(['j', 'conf', 'v1'])}.{len(papers)}"
            )
        papers.append(paper)
    return papers


def latex(text: str, rng: random.Random) -> str:
    """A title as a .bib file would write it: LaTeX accents, protective braces."""
    out = "".join(LATEX_ACCENTS.get(ch, ch) for ch in text).replace("&", "\\&")
    words = out.split(" ")
    for i, word in enumerate(words):
        if any(c.isupper() for c in word[1:]) or (rng.random() < 0.1 and word.isalpha()):
            words[i] = "{" + word + "}"
    return " ".join(words)


def write_bib(papers: list[Paper], path: Path, rng: random.Random) -> None:
    chunks = []
    for p in papers:
        names = [
            "{" + ", ".join(reversed(a.rsplit(" ", 1))) + "}" if rng.random() < 0.0 else a
            for a in p.authors
        ]
        names = [("".join(LATEX_ACCENTS.get(ch, ch) for ch in a)) for a in names]
        fields = [f"  title = {{{latex(p.title, rng)}}}", f"  author = {{{' and '.join(names)}}}"]
        fields.append(f"  year = {{{p.year}}}")
        if p.arxiv:
            if rng.random() < 0.5:
                fields += [f"  eprint = {{{p.arxiv}}}", "  archivePrefix = {arXiv}"]
            else:
                fields.append(f"  journal = {{arXiv preprint arXiv:{p.arxiv}}}")
        if p.doi:
            fields.append(f"  doi = {{{p.doi}}}")
        chunks.append(f"@article{{{p.key},\n" + ",\n".join(fields) + "\n}\n")
    path.write_text("\n".join(chunks), encoding="utf-8")


# ---------------------------------------------------------------------------
# Queries


@dataclass
class Case:
    query: Query
    expected: str | None  # key of the reference it must match, None: new
    category: str
    results: dict = field(default_factory=dict)


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("ı", "i")


PERTURBATIONS = ["case", "punctuation", "braces", "accents", "hyphenation", "ligature",
                 "ampersand", "subtitle", "unicode-dash"]  # fmt: skip


def perturb(p: Paper, kind: str, rng: random.Random) -> tuple[str, Query] | None:
    """Perturbation ``kind`` of ``p``'s title, which must still match; None if it does not apply."""
    t = p.title
    if kind == "case":
        return kind, Query(title=rng.choice([t.upper(), t.lower(), t.title()]))
    if kind == "punctuation":
        if ":" in t:
            return kind, Query(title=t.replace(":", rng.choice([" -", "", " —", "."]), 1) + ".")
        return kind, Query(title=f"“{t}.”")
    if kind == "braces":
        return kind, Query(
            title=" ".join("{" + w + "}" if w[:1].isupper() else w for w in t.split())
        )
    if kind == "accents":
        if strip_accents(t) == t:
            return None
        return kind, Query(title=strip_accents(t))
    if kind == "hyphenation":
        long_words = [w for w in t.split() if w.isalpha() and len(w) >= 8]
        if not long_words:
            return None
        w = rng.choice(long_words)
        cut = rng.randint(3, len(w) - 3)
        return kind, Query(
            title=t.replace(w, w[:cut] + rng.choice(["- ", "-", "\u00ad"]) + w[cut:], 1)
        )
    if kind == "ligature":
        found = re.search(r"ff[il]?|f[il]", t)
        if not found:
            return None
        lig = found.group()
        lossy = rng.choice([lig[1:], lig[:-1]]) if len(lig) > 1 else ""
        return kind, Query(title=t[: found.start()] + lossy + t[found.end() :])
    if kind == "ampersand":
        if " and " in t:
            return kind, Query(title=t.replace(" and ", " & ", 1))
        return None
    if kind == "unicode-dash":
        if "-" not in t:
            return None
        return kind, Query(title=t.replace("-", "\u2010"))
    if kind == "subtitle":  # dropped subtitle: needs authors and year to count
        if ":" not in t:
            return None
        main = t.split(":", 1)[0]
        return kind, Query(title=main, authors=tuple(p.authors[:2]), year=p.year)
    return None


def id_query(p: Paper, rng: random.Random) -> tuple[str, Query] | None:
    if p.arxiv and (not p.doi or rng.random() < 0.6):
        form = rng.choice(["abs-url", "pdf-url", "prefixed", "arxiv-doi", "arxiv-doi-url"])
        text = {
            "abs-url": f"https://arxiv.org/abs/{p.arxiv}",
            "pdf-url": f"https://arxiv.org/pdf/{p.arxiv}v{rng.randint(1, 4)}.pdf",
            "prefixed": f"arXiv:{p.arxiv}v{rng.randint(1, 4)}",
            "arxiv-doi": f"10.48550/arXiv.{p.arxiv}",
            "arxiv-doi-url": f"https://doi.org/10.48550/ARXIV.{p.arxiv}",
        }[form]
        query = Query(doi=text) if "doi" in form else Query(arxiv=text)
        return f"id:{form}", query
    if p.doi:
        form = rng.choice(["doi-upper", "doi-url", "doi-prefixed", "published+preprint"])
        if form == "doi-upper":
            return f"id:{form}", Query(doi=p.doi.upper())
        if form == "doi-url":
            return f"id:{form}", Query(doi=f"https://doi.org/{p.doi}")
        if form == "doi-prefixed":
            return f"id:{form}", Query(doi=f"doi:{p.doi.upper()}")
        return f"id:{form}", Query(arxiv="2501.99999", doi=p.doi)  # metadata added both ids
    return None


def make_cases(papers: list[Paper], n: int, rng: random.Random) -> list[Case]:
    keys = {title_key(p.title) for p in papers}
    cases: list[Case] = []
    quota = {"exact": 0.15, "exact+meta": 0.10, "perturbed": 0.32, "id": 0.13, "new": 0.30}
    target = {k: round(v * n) for k, v in quota.items()}
    target["new"] = n - sum(v for k, v in target.items() if k != "new")
    while target["exact"] > 0:
        p = rng.choice(papers)
        cases.append(Case(Query(title=p.title), p.key, "exact"))
        target["exact"] -= 1
    while target["exact+meta"] > 0:
        p = rng.choice(papers)
        q = Query(title=p.title, authors=tuple(p.authors), year=p.year)
        cases.append(Case(q, p.key, "exact+meta"))
        target["exact+meta"] -= 1
    while target["perturbed"] > 0:
        kind = PERTURBATIONS[target["perturbed"] % len(PERTURBATIONS)]  # each kind in turn
        done = None
        while not done:
            p = rng.choice(papers)
            done = perturb(p, kind, rng)
        if done:
            cases.append(Case(done[1], p.key, f"perturbed:{done[0]}"))
            target["perturbed"] -= 1
    while target["id"] > 0:
        p = rng.choice(papers)
        done = id_query(p, rng)
        if done:
            cases.append(Case(done[1], p.key, done[0]))
            target["id"] -= 1
    while target["new"] > 0:
        roll = rng.random()
        if roll < 0.45:
            title, category = near_miss(rng.choice(papers).title, rng), "new:near-miss"
        elif roll < 0.9:
            title, category = random_title(rng), "new:fresh"
        else:
            cases.append(Case(Query(arxiv=f"2512.{rng.randint(30000, 99999)}"), None, "new:id"))
            target["new"] -= 1
            continue
        if title_key(title) in keys:
            continue
        if rng.random() < 0.3:  # some with (unrelated) authors and year
            q = Query(title=title, authors=(f"{rng.choice(FIRST)} {rng.choice(LAST)}",), year=2024)
        else:
            q = Query(title=title)
        cases.append(Case(q, None, category))
        target["new"] -= 1
    rng.shuffle(cases)
    return cases


# ---------------------------------------------------------------------------
# The runs


def grade(case: Case, verdict: str, key: str | None) -> str:
    if case.expected is None:
        return {"new": "correct", "cited": "false-cited", "ambiguous": "ambiguous"}[verdict]
    if verdict == "cited":
        return "correct" if key == case.expected else "wrong-match"
    return "ambiguous" if verdict == "ambiguous" else "missed"


def baseline(queries: list[Query], choices: list[str]) -> list[int | None]:
    """The naive checker: the index of the best title at or above the cut-off, else None."""
    return [naive_check.scan(q.title, choices) for q in queries]


def run(entries: int, n_queries: int, seed: int, work: Path) -> dict:
    rng = random.Random(seed)
    papers = make_papers(entries, rng)
    cases = make_cases(papers, n_queries, rng)
    bib = work / "survey.bib"
    write_bib(papers, bib, rng)

    start = time.perf_counter()
    refs = load_references(bib)
    parsed = time.perf_counter()
    index = ReferenceIndex.build(refs)
    built = time.perf_counter()
    assert len(refs) == entries, f"loader read {len(refs)} of {entries} entries"

    queries = [c.query for c in cases]
    # Best of REPEAT runs for both sides, in CPU time of this process (the
    # machine may be shared: wall-clock time is reported too, not compared).
    ours_cpu, ours_wall = [], []
    for _ in range(REPEAT):
        w0, c0 = time.perf_counter(), time.process_time()
        results = index.check_many(queries)
        ours_cpu.append(time.process_time() - c0)
        ours_wall.append(time.perf_counter() - w0)
    ours_time = min(ours_cpu)
    for case, result in zip(cases, results, strict=True):
        key = result.match.key if result.match else None
        case.results["ours"] = grade(case, result.verdict, key)

    # Baseline: titles pre-processed once (fair to it), then one extractOne per query.
    t1 = time.perf_counter()
    choices = [utils.default_process(r.title) for r in refs]
    base_index_time = time.perf_counter() - t1
    base_cpu, base_wall = [], []
    for _ in range(REPEAT):
        w0, c0 = time.perf_counter(), time.process_time()
        base_answers = baseline(queries, choices)
        base_cpu.append(time.process_time() - c0)
        base_wall.append(time.perf_counter() - w0)
    base_time = min(base_cpu)
    for case, hit in zip(cases, base_answers, strict=True):
        verdict = "new" if hit is None else "cited"
        case.results["baseline"] = grade(case, verdict, refs[hit].key if hit is not None else None)

    def summary(name: str, subset: list[Case]) -> dict:
        grades = Counter(c.results[name] for c in subset)
        return {"accuracy": grades["correct"] / max(len(subset), 1), **grades}

    by_category: dict[str, list[Case]] = defaultdict(list)
    for c in cases:
        by_category[c.category.split(":")[0] if c.category.startswith("id") else c.category].append(
            c
        )
    titled = [c for c in cases if c.query.title]
    return {
        "entries": entries,
        "queries": len(cases),
        "seed": seed,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "parse_s": parsed - start,
        "index_s": built - parsed,
        "ours_check_s": ours_time,
        "ours_check_wall_s": min(ours_wall),
        "baseline_index_s": base_index_time,
        "baseline_check_s": base_time,
        "baseline_check_wall_s": min(base_wall),
        "speedup": base_time / ours_time,
        "scored_per_lookup": index.stats.scored / max(index.stats.lookups - index.stats.id_hits, 1),
        "ours": summary("ours", cases),
        "baseline": summary("baseline", cases),
        "ours_titled": summary("ours", titled),
        "baseline_titled": summary("baseline", titled),
        "categories": {
            cat: {"n": len(sub), "ours": summary("ours", sub), "baseline": summary("baseline", sub)}
            for cat, sub in sorted(by_category.items())
        },
        "loaded_digest": loaded_digest(refs),
        "cases": cases,
    }


# ---------------------------------------------------------------------------
# End to end: the command as a user runs it, process start included


def loaded_digest(refs: list) -> str:
    """A fingerprint of everything the loader returned (every field of every reference,
    the file by its name only), to show that a faster loader reads the same references."""
    digest = hashlib.sha256()
    for ref in refs:
        values = [getattr(ref, f.name) for f in dataclasses.fields(ref) if f.name != "source"]
        values.append(Path(ref.source).name)
        digest.update(repr(values).encode())
    return digest.hexdigest()[:16]


def query_line(number: int, query: Query) -> str:
    """A ``check --batch`` input line holding ``query``, labelled ``number``."""
    data: dict = {"id": number}
    for name in ("title", "arxiv", "doi", "year"):
        if getattr(query, name):
            data[name] = getattr(query, name)
    if query.authors:
        data["authors"] = list(query.authors)
    return json.dumps(data, ensure_ascii=False)


@dataclass
class Process:
    """One finished command: its output and what it cost."""

    stdout: str
    wall: float  # seconds, start to exit
    cpu: float  # user + system seconds of the process
    peak_rss: int  # bytes


# Runs the command given as its arguments (after a file descriptor) and writes its exit
# code, wall time, CPU time and peak RSS (KB) to that descriptor. Measuring from a small
# process matters: Linux carries the RSS high-water mark of the process that forks over
# the exec into the child's ru_maxrss, and this benchmark holds 10,000 references.
_MEASURE = """\
import json, os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
result = [os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]
os.write(int(sys.argv[1]), json.dumps(result).encode())
"""


def run_process(args: list[str], work: Path, *, source: bool = True) -> Process:
    """Run ``args`` to the end and measure it: its own time and memory, not this process's.
    survey-bot keeps its index cache in ``work`` (``check --no-cache`` ignores it); with
    ``source``, ``bot`` is imported from this checkout (else from where ``args`` find it)."""
    out_path, err_path = work / "stdout.txt", work / "stderr.txt"
    env = {**os.environ, "SURVEY_BOT_INDEX_CACHE": str(work / "cache")}
    if source:
        env["PYTHONPATH"] = str(ROOT)
    read, write = os.pipe()
    with out_path.open("w", encoding="utf-8") as out, err_path.open("w") as err:
        subprocess.run(
            [sys.executable, "-c", _MEASURE, str(write), *args],
            stdout=out,
            stderr=err,
            cwd=work,
            env=env,
            pass_fds=(write,),
            check=True,
        )
    os.close(write)
    with os.fdopen(read) as pipe:
        code, wall, cpu, peak_kb = json.loads(pipe.read())
    if code != 0:
        raise SystemExit(f"{' '.join(args)} failed ({code}):\n{err_path.read_text()}")
    return Process(out_path.read_text(encoding="utf-8"), wall, cpu, peak_kb * 1024)


def best_of(args: list[str], work: Path) -> Process:
    """REPEAT runs of ``args`` from an installed environment (``installed``): the last
    one's output, the best wall and CPU time, the peak RSS."""
    runs = [run_process(args, work, source=False) for _ in range(REPEAT)]
    return Process(
        runs[-1].stdout,
        min(r.wall for r in runs),
        min(r.cpu for r in runs),
        max(r.peak_rss for r in runs),
    )


def graded(cases: list[Case], output: str) -> list[str]:
    """The grade of each case from JSON Lines output (``id`` is the case's number)."""
    answers = {}
    for line in output.splitlines():
        data = json.loads(line)
        answers[data["id"]] = (data["verdict"], (data["match"] or {}).get("key"))
    return [grade(case, *answers[n]) for n, case in enumerate(cases)]


def compiled() -> None:
    """Every module of the bot compiled to bytecode, as ``pip install`` leaves an installed
    package. Without it, where ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's
    machines) or the checkout is read-only, each process compiles every module it
    imports again: about a tenth of a warm ``check``, and not what a user's run pays."""
    compileall.compile_dir(ROOT / "bot", quiet=1)


def installed(work: Path) -> Path:
    """The ``bin`` directory of survey-bot installed as a user installs it: its wheel in a
    fresh environment, so that every start pays what a user's does (not the checkout's
    editable-install hook, which imports ``pathlib`` and ``importlib.util`` in every
    process). The runtime dependencies are this environment's, named by a path file
    (whose own path files, that hook's among them, are not read)."""
    from sandbox.installed import build_wheel

    env = work / "installed"
    venv.create(env, with_pip=False, symlinks=True)
    python = env / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    subprocess.run([*pip, "--no-deps", "--no-index", build_wheel(work)], check=True)
    deps = dict.fromkeys(sysconfig.get_path(kind) for kind in ("purelib", "platlib"))
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env)}))
    (site / "benchmark-dependencies.pth").write_text("".join(f"{d}\n" for d in deps), "utf-8")
    return env / "bin"


def end_to_end(r: dict, cases: list[Case], work: Path) -> dict:
    """``survey-bot check --refs survey.bib --batch queries.jsonl`` against the naive
    program doing the same job (``naive_check.py``), each a fresh process, best of REPEAT,
    both run by the same installed environment (``installed``); the naive program imports
    the bot's loader from this checkout, compiled as ``pip install`` leaves it.

    survey-bot runs cold (``--no-cache``: the .bib read and indexed, as on a survey's
    first run or after any change to it) and warm (the index kept by the run before,
    for the same file and code: ``bot.cli.index_cache``); the naive program has no cache.
    """
    compiled()
    bin_dir = installed(work)
    queries = work / "queries.jsonl"
    lines = [query_line(n, c.query) for n, c in enumerate(cases)]
    queries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bib = str(work / "survey.bib")
    command = [str(bin_dir / "survey-bot"), "check", "--refs", bib, "--batch", str(queries)]
    cold = best_of([*command, "--no-cache"], work)
    run_process(command, work, source=False)  # stores the index
    warm = best_of(command, work)
    python = str(bin_dir / "python")
    naive = best_of([python, str(ROOT / "benchmarks" / "naive_check.py"), bib, str(queries)], work)
    start = best_of([python, "-c", "pass"], work)
    in_process = [c.results["ours"] for c in cases]
    naive_grades = graded(cases, naive.stdout)
    same = naive_grades == [c.results["baseline"] for c in cases]
    out = {
        "e2e_naive_wall_s": naive.wall,
        "e2e_naive_cpu_s": naive.cpu,
        "e2e_naive_accuracy": naive_grades.count("correct") / len(cases),
        "e2e_python_start_s": start.wall,
    }
    for name, ours in (("cold", cold), ("warm", warm)):
        grades = graded(cases, ours.stdout)
        same = same and grades == in_process
        out |= {
            f"e2e_{name}_wall_s": ours.wall,
            f"e2e_{name}_cpu_s": ours.cpu,
            f"e2e_{name}_peak_rss": ours.peak_rss,
            f"e2e_{name}_speedup_wall": naive.wall / ours.wall,
            f"e2e_{name}_speedup_cpu": naive.cpu / ours.cpu,
            f"e2e_{name}_accuracy": grades.count("correct") / len(cases),
        }
    return out | {"e2e_same_grades": same}


def memory(entries: int, seed: int, work: Path) -> dict:
    """Peak RSS of ``check --batch`` with ``entries`` references, against one reference:
    what the references themselves cost, per reference."""
    rng = random.Random(seed)
    papers = make_papers(entries, rng)
    big, one = work / f"survey-{entries}.bib", work / "one.bib"
    write_bib(papers, big, rng)
    write_bib(papers[:1], one, rng)
    compiled()
    queries = str(work / "queries.jsonl")
    command = [sys.executable, "-m", "bot", "check", "--no-cache", "--batch", queries, "--refs"]
    large = run_process([*command, str(big)], work)
    small = run_process([*command, str(one)], work)
    command.remove("--no-cache")
    writes = run_process([*command, str(big)], work)  # stores the index
    warm = run_process([*command, str(big)], work)
    return {
        "mem_peak_rss_writing": writes.peak_rss,
        "mem_peak_rss_warm": warm.peak_rss,
        "mem_entries": entries,
        "mem_bib_bytes": big.stat().st_size,
        "mem_peak_rss": large.peak_rss,
        "mem_peak_rss_one": small.peak_rss,
        "mem_per_reference": (large.peak_rss - small.peak_rss) / entries,
        "mem_wall_s": large.wall,
    }


def report(r: dict) -> str:
    lines = [
        f"survey-bot check benchmark: {r['entries']} references, {r['queries']} queries, "
        f"seed {r['seed']} ({r['machine']})",
        f"  parse .bib          {r['parse_s']:.2f} s",
        f"  build index         {r['index_s']:.2f} s   (baseline: pre-process titles "
        f"{r['baseline_index_s']:.3f} s)",
        f"  check, survey-bot   {r['ours_check_s']:.3f} s CPU  "
        f"({1e3 * r['ours_check_s'] / r['queries']:.2f} ms/query, "
        f"{r['scored_per_lookup']:.1f} references scored per title lookup; "
        f"wall {r['ours_check_wall_s']:.3f} s)",
        f"  check, baseline     {r['baseline_check_s']:.3f} s CPU  "
        f"({1e3 * r['baseline_check_s'] / r['queries']:.2f} ms/query; "
        f"wall {r['baseline_check_wall_s']:.3f} s)",
        f"  speed-up            {r['speedup']:.1f}x (baseline check CPU time / survey-bot; "
        f"best of {REPEAT} runs each)",
        "",
        f"  {'accuracy':<30}{'survey-bot':>12}{'baseline':>12}",
    ]

    def row(label: str, ours: dict, base: dict) -> str:
        return f"  {label:<30}{ours['accuracy']:>12.1%}{base['accuracy']:>12.1%}"

    lines.append(row("all queries", r["ours"], r["baseline"]))
    lines.append(row("queries with a title", r["ours_titled"], r["baseline_titled"]))
    for cat, data in r["categories"].items():
        lines.append(row(f"{cat} ({data['n']})", data["ours"], data["baseline"]))
    lines.append("")
    for name in ("ours", "baseline"):
        s = r[name]
        label = "survey-bot" if name == "ours" else "baseline"
        lines.append(
            f"  {label:<11} wrong 'cited' (new paper rejected): {s.get('false-cited', 0):>3}   "
            f"wrong reference: {s.get('wrong-match', 0):>3}   missed (duplicate added): "
            f"{s.get('missed', 0):>3}   ambiguous: {s.get('ambiguous', 0):>3}"
        )
    lines += [
        "",
        f"  end to end (a fresh process each, from the installed wheel, best of {REPEAT}; "
        f"loaded references: {r['loaded_digest']})",
        f"  {'':<34}{'wall':>9}{'CPU':>9}",
        f"  {'python -c pass':<34}{r['e2e_python_start_s']:>8.3f}s",
        f"  {'naive_check.py':<34}{r['e2e_naive_wall_s']:>8.3f}s{r['e2e_naive_cpu_s']:>8.3f}s"
        f"   accuracy {r['e2e_naive_accuracy']:.1%}",
    ]
    for name, how in (("cold", "--no-cache"), ("warm", "index kept")):
        lines += [
            f"  {f'survey-bot check --batch, {name}':<34}{r[f'e2e_{name}_wall_s']:>8.3f}s"
            f"{r[f'e2e_{name}_cpu_s']:>8.3f}s   accuracy {r[f'e2e_{name}_accuracy']:.1%}, "
            f"peak RSS {r[f'e2e_{name}_peak_rss'] / 2**20:.0f} MB ({how})",
            f"  {'  speed-up against naive':<34}{r[f'e2e_{name}_speedup_wall']:>8.1f}x"
            f"{r[f'e2e_{name}_speedup_cpu']:>8.1f}x",
        ]
    lines.append(f"  grades identical to the in-process runs: {r['e2e_same_grades']}")
    if "mem_entries" in r:
        lines += [
            "",
            f"  memory, check --batch with {r['mem_entries']:,} references "
            f"(.bib {r['mem_bib_bytes'] / 2**20:.1f} MB): peak RSS "
            f"{r['mem_peak_rss'] / 2**20:.0f} MB ({r['mem_peak_rss_one'] / 2**20:.0f} MB with one "
            f"reference), {r['mem_per_reference']:,.0f} bytes per reference "
            f"({r['mem_per_reference'] * r['mem_entries'] / r['mem_bib_bytes']:.1f}x the .bib "
            "text); "
            f"wall {r['mem_wall_s']:.2f} s",
            f"  the same with the index cache: {r['mem_peak_rss_writing'] / 2**20:.0f} MB on the "
            f"run that stores the index, {r['mem_peak_rss_warm'] / 2**20:.0f} MB on the next",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--show", metavar="GRADE", help="list our queries graded GRADE")
    parser.add_argument(
        "--memory-entries",
        type=int,
        default=50_000,
        metavar="N",
        help="references for the memory measurement (0: skip it)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        work = Path(tmp)
        result = run(args.entries, args.queries, args.seed, work)
        cases = result.pop("cases")
        result.update(end_to_end(result, cases, work))
        if args.memory_entries:
            result.update(memory(args.memory_entries, args.seed, work))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result))
    if args.show:
        for c in cases:
            if c.results["ours"] == args.show:
                print(c.category, c.expected, c.query)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
