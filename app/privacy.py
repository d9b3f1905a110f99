"""No personal data in logs or error text.

The engine never puts bound parameters into its error messages (``hide_parameters``, see
:mod:`models.db`), but a server's own message can still quote a value (PostgreSQL's
``DETAIL: Key (personal_id)=(01001012345) already exists``) and a traceback can show
a local variable's text. Everything the program writes to a log, to stderr or into the
"copy report" text passes through :func:`scrub` first: it blanks long digit runs
(personal numbers, organisation codes, phone numbers, however spaced), e-mail
addresses, Georgian words (names, addresses, subjects: the program's own messages are
produced from the catalogue, not logged) and the server's DETAIL lines.
"""

from __future__ import annotations

import logging
import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?im)^\s*DETAIL:.*$"), "DETAIL: [hidden]"),
    (re.compile(r"\(([^()]*)\)=\(([^()]*)\)"), r"(\1)=([hidden])"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail]"),
    # 7 or more digits, possibly split by spaces, dashes or brackets: personal numbers
    # (11), organisation codes (9), phone numbers ("(599) 12-34-56", "+995 599 123 456");
    # dots do not join them, so an address like 10.0.0.5 stays readable
    (re.compile(r"\+?\(?\d(?:[ \t()-]*\d){6,}"), "[number]"),
    (re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]+"), "[…]"),
)


def scrub(text: str) -> str:
    """*text* with personal data replaced by placeholders (see the module's docstring)."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


class ScrubbingFormatter(logging.Formatter):
    """A log formatter whose message and traceback are :func:`scrub`-bed (the time and
    the logger's name are the formatter's own and stay readable)."""

    def format(self, record: logging.LogRecord) -> str:
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg, clean.args = scrub(record.getMessage()), None
        clean.exc_text = None
        return super().format(clean)

    def formatException(self, ei: object) -> str:
        return scrub(super().formatException(ei))  # type: ignore[arg-type]

    def formatStack(self, stack_info: str) -> str:
        return scrub(super().formatStack(stack_info))
