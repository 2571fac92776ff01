"""The one exception type users see."""

from __future__ import annotations

import click


class MtauditError(click.ClickException):
    """A problem with the user's input, configuration or environment.

    The CLI prints ``Error: <message>`` on one line and exits with status 2, so a
    pre-publication gate can tell "the article has findings" (1) from "mtaudit could
    not run" (2).
    """

    exit_code = 2
