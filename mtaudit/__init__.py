"""mtaudit — a machine-translation quality auditor for newsrooms.

Library use::

    from mtaudit import audit
    result = audit("article.txt", reference="wire-report.txt")
    for finding in result.findings:
        print(finding.code, finding.text, finding.suggestion)

Nothing heavy is imported here: the embedding model loads only when a reference is given.
"""

from __future__ import annotations

__version__ = "0.1.0"


def audit(*args, **kwargs):
    from .pipeline import audit as _audit

    return _audit(*args, **kwargs)


__all__ = ["__version__", "audit"]
