"""Checker speed: 2,000 characters against proselint in the same process, 100 KB, and growth with size.

Run: python benchmarks/checker.py [--json]. Medians of repeated runs; machine noise is real, so
compare ratios measured in the same run rather than absolute numbers across machines.
"""
from __future__ import annotations

import resource
import statistics
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SAMPLE = (
    "Hello Maria,\n\nWe are writing about your order 112-3456789-0123456. The oak dining table (40 kg) is being "
    "delayed at the carrier's depot because of a storm, and the new expected delivery date is 2 December 2026. "
    "The order amount of $249.00 does not change. If you would prefer not to wait, you may cancel the order and we "
    "will refund the full amount. Please reply to this message with your preferred delivery window. "
    "Tracking: 1Z999AA10123456784.\n\nKind regards,\nOak & Pine Furniture\n\n"
)
BAD = "Please leave us a 5-star review and visit www.oakpine.com for 10% off with code OAK10 :) "


def sample_text(size: int) -> str:
    unit = SAMPLE + BAD
    return (unit * (size // len(unit) + 1))[:size]


def median_seconds(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_checker() -> dict:
    from composer import check_text

    text_2k = sample_text(2000)
    check_text(text_2k)  # load rules and warm caches outside the timing
    result = {"check_2k_ms": median_seconds(lambda: check_text(text_2k), 200) * 1000}
    sizes = (10_000, 50_000, 100_000, 200_000)
    per_size = {}
    for size in sizes:
        text = sample_text(size)
        per_size[size] = median_seconds(lambda t=text: check_text(t), 7 if size <= 100_000 else 5)
    result["check_100k_ms"] = per_size[100_000] * 1000
    result["check_ms_by_size"] = {str(k): round(v * 1000, 3) for k, v in per_size.items()}
    # Linear growth: time per character at 200 KB over time per character at 10 KB (1.0 = linear).
    result["growth_ratio_200k_vs_10k"] = (per_size[200_000] / 200_000) / (per_size[10_000] / 10_000)
    text_1m = sample_text(1_000_000)
    result["check_1mb_ms"] = median_seconds(lambda: check_text(text_1m), 3) * 1000
    # Peak memory of this process so far: the rules, their pattern sets and a 1 MB check (before
    # proselint is loaded below).
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result.update(bench_languages())
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        result["proselint_2k_ms"] = None
        result["ratio_vs_proselint"] = None
        return result
    CheckRegistry().register_many(__register__)
    LintFile("<bench>", text_2k).lint()
    proselint_s = median_seconds(lambda: LintFile("<bench>", text_2k).lint(), 30)
    result["proselint_2k_ms"] = proselint_s * 1000
    result["ratio_vs_proselint"] = result["check_2k_ms"] / result["proselint_2k_ms"]
    return result


@lru_cache(maxsize=None)
def _language_unit(language: str) -> str:
    import yaml

    path = Path(__file__).resolve().parent.parent / "tests" / "corpus" / language / "dev.yaml"
    return "\n\n".join(m["text"] for m in yaml.safe_load(path.read_text(encoding="utf-8"))[:60])


def language_sample(language: str, size: int) -> str:
    """Real messages of that language (the labelled development corpus), repeated to `size` characters."""
    unit = _language_unit(language)
    return (unit * (size // len(unit) + 1))[:size]


def bench_languages() -> dict:
    """2,000 characters and 100 KB in each marketplace language, with that language's rules."""
    from composer import check_text

    by_2k, by_100k = {}, {}
    for language in ("en", "de", "fr", "it", "es", "ja"):
        text_2k, text_100k = language_sample(language, 2000), language_sample(language, 100_000)
        check_text(text_2k, locale=language)
        by_2k[language] = round(median_seconds(lambda: check_text(text_2k, locale=language), 100) * 1000, 3)
        by_100k[language] = round(median_seconds(lambda: check_text(text_100k, locale=language), 5) * 1000, 1)
    return {"check_2k_ms_by_language": by_2k, "check_100k_ms_by_language": by_100k}


if __name__ == "__main__":
    # One report format for every benchmark: run.py prints it.
    from run import main

    raise SystemExit(main(["--only", "checker", *sys.argv[1:]]))
