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

A verdict is correct when it is the expected one; ``cited`` counts only when the
matched reference is the right one. Run it with ``make bench`` (not part of the
test suite); it takes well under two minutes. Options: ``--entries``,
``--queries``, ``--seed``, ``--json`` (machine-readable summary).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process, utils

from bot.matching import ReferenceIndex
from bot.models import Query
from bot.references import load_references
from bot.text.normalize import title_key

BASELINE_CUTOFF = 90
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
    answers: list[int | None] = []
    for q in queries:
        if not q.title:
            answers.append(None)  # it can only compare titles
            continue
        hit = process.extractOne(
            utils.default_process(q.title),
            choices,
            scorer=fuzz.token_sort_ratio,
            processor=None,
            score_cutoff=BASELINE_CUTOFF,
        )
        answers.append(hit[2] if hit else None)
    return answers


def run(entries: int, n_queries: int, seed: int) -> dict:
    rng = random.Random(seed)
    papers = make_papers(entries, rng)
    cases = make_cases(papers, n_queries, rng)
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "survey.bib"
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
        "cases": cases,
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
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--show", metavar="GRADE", help="list our queries graded GRADE")
    args = parser.parse_args(argv)
    result = run(args.entries, args.queries, args.seed)
    cases = result.pop("cases")
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
