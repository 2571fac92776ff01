"""Run a batch on a ``dask.distributed`` cluster: one task per chunk of pairs.

- ``mtaudit audit … --dask tcp://scheduler:8786`` uses an existing cluster;
  ``--workers N`` starts a :class:`~distributed.LocalCluster` of N processes on this machine.
- The client reads the files and sends their text with each task, so workers need
  mtaudit installed (same version) but no shared disk.
- The encoder is loaded once per worker: :class:`EncoderPlugin` loads it when the worker
  joins, and :func:`mtaudit.embed.get_encoder` keeps it for the life of the process.
  Tasks carry only text and settings; the model is never pickled.
- Results are gathered in the order of the pairs, and chunks are the same as in a run
  without Dask (:data:`mtaudit.batch.CHUNK_PAIRS`), so reports are byte-identical.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .batch import ChunkStats, Job, Outcome, Settings, audit_chunk
from .errors import MtauditError


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise MtauditError("--dask/--workers need dask.distributed: pip install 'dask[distributed]'") from None
    return distributed


def encoder_plugin(load: bool = True, threads: int | None = None):
    """A worker plugin that sizes ONNX Runtime to the worker's threads and loads the encoder."""
    distributed = _import_distributed()

    class EncoderPlugin(distributed.WorkerPlugin):
        name = "mtaudit-encoder"

        def __init__(self, load: bool, threads: int | None):
            self.load = load
            self.threads = threads

        def setup(self, worker):
            # One ONNX Runtime thread per Dask thread: more would fight over the same cores.
            os.environ["MTAUDIT_THREADS"] = str(self.threads or worker.state.nthreads)
            if self.load:
                from . import embed

                try:
                    embed.get_encoder()
                except MtauditError:
                    pass  # reported per pair by the tasks, which try again

    return EncoderPlugin(load, threads)


def connect(address: str | None = None, workers: int | None = None):
    """A Client for the scheduler at ``address``, or for a new LocalCluster of ``workers`` processes."""
    distributed = _import_distributed()
    import logging

    # Cluster chatter (worker start-up, heartbeats) is not the user's business on stderr.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if address:
        try:
            return distributed.Client(address, timeout="30s")
        except OSError as exc:
            raise MtauditError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    cluster = distributed.LocalCluster(
        n_workers=workers or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: two local clusters must not fight over 8787
        # A worker whose heartbeat outlives the scheduler at shutdown logs an ERROR with a traceback; a failed
        # task reaches the user through its result (see run_chunks), so only a crash is worth stderr.
        silence_logs=logging.CRITICAL,
    )
    return distributed.Client(cluster)


def close(client) -> None:
    """Close the client, and the cluster too when this process started it."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def run_chunks(
    client,
    parts: list[list[Job]],
    settings: Settings,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[list[Outcome], ChunkStats]]:
    """Run :func:`mtaudit.batch.audit_chunk` on the cluster, one task per chunk, results in order."""
    distributed = _import_distributed()

    needs_model = any(job.reference and not job.error for part in parts for job in part)
    client.register_plugin(encoder_plugin(load=needs_model))
    futures = [client.submit(audit_chunk, part, settings, pure=False) for part in parts]
    size = {future.key: len(part) for future, part in zip(futures, parts, strict=True)}
    total = sum(size.values())
    finished = 0
    for future in distributed.as_completed(futures):
        finished += size[future.key]
        if progress:
            progress(finished, total)
    done = []
    for future, part in zip(futures, parts, strict=True):
        try:
            done.append(future.result())
        except Exception as exc:  # noqa: BLE001 — a lost worker fails its chunk, not the batch
            why = f"{type(exc).__name__}: {exc}"
            lost = [Outcome(j.article, j.reference, error=j.error or f"{j.article}: not audited ({why})") for j in part]
            done.append((lost, ChunkStats(pairs=len(part))))
    return done
