"""Every string from a report, a file name or a message enters the page through `escape`."""

from __future__ import annotations

import html

from ..escape import visible


def escape(text: object) -> str:
    """HTML-escaped (quotes too, for attributes), with control characters, bidi overrides and lone
    surrogates shown as visible escapes, as the other output formats show them; a tab is a space."""
    return html.escape(visible(str(text).replace("\t", " ")), quote=True)
