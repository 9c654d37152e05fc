"""Acronyms of well-known venues, which name where a paper appeared and never who wrote it.

The intake strips them from the end of a pasted title ("... Transformers ICML 2023"); the
list reader tells a venue in emphasis (``**NeurIPS**``) from an author (``*OpenAI*``),
which one word alone cannot.
"""

from __future__ import annotations

ACRONYMS = (
    "ACL|EMNLP|NAACL|EACL|AACL|COLING|LREC|TACL|CoNLL|NeurIPS|NIPS|ICML|ICLR|"
    "CVPR|ICCV|ECCV|WACV|BMVC|AAAI|IJCAI|KDD|SIGIR|WWW|WSDM|CIKM|RecSys|ICDE|VLDB|SIGMOD|TPAMI|TKDE|"
    "TNNLS|JMLR|TMLR|IJCV|arXiv|CoRL|ICRA|IROS|INTERSPEECH|ICASSP|UAI|AISTATS|COLT|ICSE|MLSys|CHI|CSUR|"
    "MICCAI|SemEval|BioNLP|ISBI|MIDL"
)
