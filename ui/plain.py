"""Plain text stays plain: user text (a job's name, a file name) in places where Qt guesses at rich text.

Qt shows a tooltip, and a label or message box in its automatic text format,
as rich text when it looks like HTML (``Qt::mightBeRichText``). A job called
``<b>x</b><img src=x>`` would then show in bold with a broken image. Where
such text goes into a tooltip, :func:`tooltip` escapes it and marks it as
rich text, so Qt shows the letters as they are typed.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    """``text`` for ``setToolTip`` or a model's ToolTipRole, shown literally (an empty text stays empty)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


__all__ = ["tooltip"]
