"""The terminal's messages in words, from the one catalog (shared/qt/messages.py, context "Terminal").

The flows (scanner_app/logic, no Qt) answer with ``Msg(key, params)``; :func:`render` gives the key's
text from the catalog's "Terminal" context (shared/qt/messages_terminal.py), or from its "Messages"
context for a shared code such as ``wrong_kind``, in the UI language. :func:`login_error` does the
same for a login code: the terminal's own wording where it has one, else the shared one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from shared.messages import MESSAGES, TERMINAL
from shared.qt import i18n, messages

from .logic.common import Msg

_STATUS_PARAMS = ("status",)  # unit states, named in the UI language


def op_name(op_type: str) -> str:
    return i18n.op_name(op_type)


def _context(code: str) -> str:
    return TERMINAL if messages.known(code, TERMINAL) else MESSAGES


def login_error(code: str, fallback: str = "", params: Mapping[str, Any] | None = None) -> str:
    """A login code (scanner_app/auth.py) in words, ``params`` filling its placeholders;
    ``fallback`` for a code the catalog lacks."""
    if messages.known(code, TERMINAL) or messages.known(code):
        return messages.render(code, params, _context(code))
    return fallback or code


def render(msg: Msg) -> str:
    """The message in the current UI language."""
    values: dict[str, Any] = dict(msg.params)
    for key in _STATUS_PARAMS:
        if key in values:
            values[key] = i18n.state_name(values[key])
    return messages.render(msg.key, values, _context(msg.key))
