"""The check registry: one module per check, keyed by a stable code that is never reused.

``mtaudit rules``, ``--select``/``--ignore``, the documentation and the registry tests
are all generated from ``REGISTRY``.
"""

from __future__ import annotations

from .acronyms import SourceAcronym
from .base import AuditContext, Check, Thresholds
from .calques import CalqueFormula
from .copyedit import CopyEditSlip
from .epithets import EpithetCalque
from .fluency import UnidiomaticPhrase
from .pronouns import PronounGender
from .punctuation import PunctuationDebris
from .reference import ReferenceDisagreement
from .terminology import InconsistentTerminology
from .untranslated import UntranslatedWord

REGISTRY: dict[str, type[Check]] = {
    cls.code: cls
    for cls in (
        EpithetCalque,
        SourceAcronym,
        PronounGender,
        UntranslatedWord,
        PunctuationDebris,
        ReferenceDisagreement,
        InconsistentTerminology,
        CalqueFormula,
        UnidiomaticPhrase,
        CopyEditSlip,
    )
}

__all__ = ["REGISTRY", "AuditContext", "Check", "Thresholds"]
