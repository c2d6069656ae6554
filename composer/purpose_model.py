"""A small linear model that recognises sole-purpose messages (only thanks, only "here to help", only a
confirmation) by their wording as a whole.

Word lists catch the phrasings someone wrote down; sellers find new ones faster than lists grow. On
messages nobody tuned on, most messages the lists missed were of these three kinds, so a model
trained on the labelled corpora backs the lists up. It is a logistic regression over words and
word pairs (character pairs and triples for Japanese); training lives in
benchmarks/train_purpose_model.py (scikit-learn, a development extra), and the app only reads the
weights it wrote and adds them up, so running needs no extra library.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Languages written without spaces between words: there, pairs and triples of characters stand in for words.
UNSPACED = {"ja", "zh"}

_ORDER_ID = re.compile(r"\d{3}-\d{7}-\d{7}")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def features(text: str, language: str) -> set[str]:
    """The message's words and neighbouring word pairs (numbers folded to 0, order ids to one token),
    plus a rough length band: a thanks-only note is short, a real problem takes some explaining."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _ORDER_ID.sub(" ordid ", folded)
    if language in UNSPACED:
        chars = _DIGITS.sub("0", _SPACE.sub("", folded))
        found = {chars[i : i + 2] for i in range(len(chars) - 1)}
        found |= {chars[i : i + 3] for i in range(len(chars) - 2)}
    else:
        words = ["0" if w.isdigit() else w for w in _WORD.findall(folded)]
        found = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    found.add(f"#length:{min(6, len(text) // 150)}")
    return found


class PurposeModel:
    """Weights per feature and a bias; `probability` is the chance a message has only a sole purpose."""

    def __init__(self, language: str, weights: dict[str, float], bias: float, threshold: float, meta: dict | None = None):
        self.language = language
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.meta = meta or {}

    def probability(self, text: str) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(text, self.language))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def flags(self, text: str) -> bool:
        return self.probability(text) >= self.threshold

    def to_json(self) -> str:
        data = {
            "language": self.language,
            "threshold": self.threshold,
            "bias": self.bias,
            "meta": self.meta,
            # sorted, rounded: a retrained model diffs cleanly against the one before
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_file(cls, path: Path) -> PurposeModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                language=str(data["language"]),
                weights={str(k): float(v) for k, v in data["weights"].items()},
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                meta=dict(data.get("meta") or {}),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a purpose model ({exc})") from None


def models_dir() -> Path:
    from composer.resources import rules_dir

    return rules_dir() / "_models"


def model_path(name: str) -> Path:
    """Where the shipped model `name` lives; ValueError lists the known ones when it is missing."""
    path = models_dir() / f"purpose-{name}.json"
    if not path.is_file():
        known = sorted(p.stem.removeprefix("purpose-") for p in models_dir().glob("purpose-*.json"))
        raise ValueError(f"no purpose model {name!r} (known: {', '.join(known) or 'none'})")
    return path


@lru_cache(maxsize=None)
def load_model(name: str) -> PurposeModel:
    """The shipped model `rules/_models/purpose-<name>.json`, read once (on first use: each is a few
    hundred KB, and a session checks one or two languages)."""
    return PurposeModel.from_file(model_path(name))
