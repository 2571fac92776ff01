"""Time-bounded fuzz run of the loader and the full reference-free pipeline.

    .venv/bin/python fuzz/run.py --seconds 600

Runs the properties in tests/properties.py with fresh random seeds until the time is up and
prints how many examples ran; any failure prints the falsifying input and exits 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.properties import (  # noqa: E402
    ARTICLE_TEXT,
    check_decoding,
    check_reference_free_audit,
    check_segmentation,
)

BATCH = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    deadline = time.monotonic() + args.seconds
    counts = {"pipeline": 0, "html": 0, "segment": 0, "decode": 0}
    rng = random.Random()
    batch_settings = settings(max_examples=BATCH, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    while time.monotonic() < deadline:
        run_seed = rng.randrange(2**32)

        @seed(run_seed)
        @batch_settings
        @given(ARTICLE_TEXT)
        def pipeline(text):
            check_segmentation(text)
            check_reference_free_audit(text, "fuzz.txt")

        @seed(run_seed)
        @batch_settings
        @given(ARTICLE_TEXT.map(lambda t: f"<html><body><p>{t}</p><!-- {t} --></body></html>"))
        def html(page):
            check_reference_free_audit(page, "fuzz.html")

        @seed(run_seed)
        @batch_settings
        @given(st.binary(max_size=2000))
        def decode(data):
            check_decoding(data)

        for name, test in (("pipeline", pipeline), ("html", html), ("decode", decode)):
            test()
            counts[name] += BATCH
        counts["segment"] += BATCH
    total = sum(v for k, v in counts.items() if k != "segment")
    print(f"fuzz: {total} examples in {args.seconds:.0f}s without a failure: {counts}")


if __name__ == "__main__":
    main()
