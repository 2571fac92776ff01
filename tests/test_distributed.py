"""Batches on Dask: a LocalCluster of worker processes gives the same reports, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from mtaudit import embed
from mtaudit.batch import Pair, Settings, audit_many
from mtaudit.report import render_summary_csv
from mtaudit.report.csv import render_csv
from mtaudit.report.json import render_json

from .conftest import ROOT, SEED, SEED_REF

distributed = pytest.importorskip("distributed")
DEV = ROOT / "corpora" / "dev" / "mt"


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    (folder / "broken.txt").write_bytes(b"%PDF-1.7 not an article")
    return [
        Pair(str(SEED), str(SEED_REF)),
        Pair(str(DEV / "01_semeru_eruption.txt"), str(DEV / "01_semeru_eruption.ref.txt")),
        Pair(str(folder / "broken.txt")),
        Pair(str(DEV / "03_heat_wave_bmkg.txt")),
        Pair(str(DEV / "10_asean_myanmar.txt"), str(DEV / "10_asean_myanmar.ref.txt")),
    ]


def rendered(batch) -> list[str]:
    """Every report of a batch as text, in order."""
    texts = [render_summary_csv([o.result if o.ok else o for o in batch.outcomes])]
    for result in batch.results:
        texts += [render_csv(result), render_json(result)]
    return texts


@pytest.fixture(scope="module")
def cluster():
    embed.graph_path()  # exported once by this process; workers only read the cache
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    ) as local:
        yield local


def test_one_and_two_workers_give_the_same_reports_as_no_dask(pairs, cluster):
    # Chunks of two pairs, so the two workers really share the batch.
    alone = audit_many(pairs, Settings(), chunk_size=2)
    assert [o.ok for o in alone.outcomes] == [True, True, False, True, True]
    with distributed.Client(cluster) as client:
        two = audit_many(pairs, Settings(), client=client, chunk_size=2)
        used = set(client.run(lambda: __import__("mtaudit.embed").embed.get_encoder.cache_info().currsize).values())
        imported = client.run(lambda: {m: m in sys.modules for m in ("torch", "onnxruntime")})
        cluster.scale(1)
        deadline = time.monotonic() + 60
        while len(client.scheduler_info()["workers"]) != 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(client.scheduler_info()["workers"]) == 1
        one = audit_many(pairs, Settings(), client=client, chunk_size=2)
    assert rendered(two) == rendered(alone)
    assert rendered(one) == rendered(alone)
    assert two.outcomes[2].error.endswith("this is a PDF file, not a text article; export the article as text or HTML")
    # Each worker loaded the encoder once (the plugin) and never imported torch.
    assert used == {1}
    assert all(flags == {"torch": False, "onnxruntime": True} for flags in imported.values()), imported


def test_cli_workers_option(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    shutil.copy(SEED, desk / "shoigu.txt")
    shutil.copy(SEED_REF, desk / "shoigu.ref.txt")
    shutil.copy(DEV / "03_heat_wave_bmkg.txt", desk / "heat.txt")
    outputs = []
    for extra in ([], ["--workers", "2"]):
        out = tmp_path / f"out{len(extra)}"
        proc = subprocess.run(
            [sys.executable, "-m", "mtaudit", "audit", str(desk), "-o", str(out), "-q", "--fail-on", "never", *extra],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 9
