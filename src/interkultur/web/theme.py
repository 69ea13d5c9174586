"""Theming the widget: ``accent=``, ``theme=`` and ``bg=`` become CSS custom properties.

The content security policy allows no inline styles (``style-src 'self'``), so
a host site's colours reach the widget as a stylesheet of their own,
``/widget/theme.css?accent=…&theme=…&bg=…``, which the widget links after
``widget.css``. The sheet only sets the ``--ik-*`` properties ``widget.css``
already uses (the list is in the README); nothing else of the layout changes.

Text colours are derived, never taken from the host: the text on marked days
and on controls is black or white, whichever contrasts more with the accent
(one of them always reaches 4.5:1, WCAG 2.1 AA), and the accent used as a
text colour on the widget's background is darkened (or lightened, in the dark
theme) until it reaches 4.5:1 as well.
"""

from __future__ import annotations

import re

from flask import request

from ..records import record
from . import params
from .i18n import N_

THEMES: tuple[str, ...] = ("light", "dark", "auto")
MSG_COLOUR = N_("“%(parameter)s” must be six hexadecimal digits (RRGGBB, without #).")
MSG_BACKGROUND = N_("“%(parameter)s” must be six hexadecimal digits (RRGGBB, without #) or “transparent”.")
_HEX = re.compile(r"[0-9a-fA-F]{6}")
#: WCAG 2.1 AA for normal text.
AA = 4.5

#: The dark theme's palette; the light one is widget.css's :root.
DARK: dict[str, str] = {
    "--ik-bg": "#111827",
    "--ik-fg": "#f3f4f6",
    "--ik-muted": "#c2c8d0",
    "--ik-border": "#4b5563",
    "--ik-accent": "#86efac",
    "--ik-holiday-bg": "#166534",
    "--ik-holiday-fg": "#f0fdf4",
    "--ik-holiday-mark": "#4ade80",
    "--ik-today-ring": "#93c5fd",
    "--ik-selected-bg": "#15803d",
    "--ik-focus": "#fbbf24",
    "--ik-panel-bg": "#1f2937",
    "--ik-dual-hebrew": "#d8b4fe",
    "--ik-break-stripe": "#64748b",
    "--ik-control-bg": "transparent",
    "--ik-control-fg": "#86efac",
}
LIGHT_BG, DARK_BG = "#ffffff", DARK["--ik-bg"]


@record
class Theme:
    """A validated theme; ``accent`` and ``bg`` as ``#rrggbb`` (``bg`` also ``transparent``)."""

    accent: str | None = None
    mode: str = "light"
    bg: str | None = None

    @property
    def is_default(self) -> bool:
        return self.accent is None and self.mode == "light" and self.bg is None

    def args(self) -> dict[str, str]:
        """The query parameters that give this theme (for links and the stylesheet's URL)."""
        out = {}
        if self.accent:
            out["accent"] = self.accent[1:]
        if self.mode != "light":
            out["theme"] = self.mode
        if self.bg:
            out["bg"] = self.bg if self.bg == "transparent" else self.bg[1:]
        return out


def _colour(name: str, allow_transparent: bool = False) -> str | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    if allow_transparent and raw.lower() == "transparent":
        return "transparent"
    if not _HEX.fullmatch(raw):
        raise params.WebError(400, MSG_BACKGROUND if allow_transparent else MSG_COLOUR, name)
    return "#" + raw.lower()


def parse_theme() -> Theme:
    """``accent=``, ``theme=`` and ``bg=`` of the current request, or a 400 naming the parameter."""
    return Theme(
        _colour("accent"), params.parse_choice("theme", THEMES, "light"), _colour("bg", allow_transparent=True)
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(rgb: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` as WCAG 2.1 defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever contrasts more with ``background`` (one always reaches 4.5:1)."""
    return "#000000" if contrast(background, "#000000") >= contrast(background, "#ffffff") else "#ffffff"


def readable(colour: str, background: str) -> str:
    """``colour`` mixed step by step toward black or white until it reaches AA on ``background``."""
    target = _rgb(text_on(background))
    rgb = _rgb(colour)
    for step in range(21):
        mixed = _hex(tuple(c + (t - c) * step / 20 for c, t in zip(rgb, target, strict=True)))
        if contrast(mixed, background) >= AA:
            return mixed
    return text_on(background)


def _mix(a: str, b: str, share: float) -> str:
    return _hex(tuple(x + (y - x) * share for x, y in zip(_rgb(a), _rgb(b), strict=True)))


def properties(theme: Theme, dark: bool) -> dict[str, str]:
    """The custom properties for ``theme`` in its light (``dark=False``) or dark palette."""
    props: dict[str, str] = dict(DARK) if dark else {}
    base = DARK_BG if dark else LIGHT_BG
    if theme.bg == "transparent":
        props["--ik-bg"] = "transparent"
    elif theme.bg:
        props["--ik-bg"] = base = theme.bg
        fg = text_on(base)
        props["--ik-fg"] = fg
        props["--ik-muted"] = readable(_mix(fg, base, 0.3), base)
        props["--ik-panel-bg"] = _mix(base, fg, 0.04)
    if theme.accent:
        on_accent = text_on(theme.accent)
        props.update(
            {
                "--ik-holiday-bg": theme.accent,
                "--ik-holiday-fg": on_accent,
                "--ik-holiday-mark": readable(theme.accent, base),
                "--ik-selected-bg": _mix(theme.accent, on_accent, 0.25)
                if contrast(_mix(theme.accent, on_accent, 0.25), on_accent) >= AA
                else theme.accent,
                "--ik-accent": readable(theme.accent, base),
                "--ik-control-bg": theme.accent,
                "--ik-control-fg": on_accent,
            }
        )
    return props


def _block(selector: str, props: dict[str, str]) -> str:
    body = " ".join(f"{name}: {value};" for name, value in props.items())
    return f"{selector} {{ {body} }}"


def stylesheet(theme: Theme) -> str:
    """The CSS for ``theme``: values are validated hex colours or keywords, never raw input."""
    lines = ["/* interkultur widget theme: custom properties only (see the README). */"]
    if theme.mode == "auto":
        lines.append(_block(":root", properties(theme, dark=False)))
        lines.append("@media (prefers-color-scheme: dark) { " + _block(":root", properties(theme, dark=True)) + " }")
        lines.append(":root { color-scheme: light dark; }")
    else:
        dark = theme.mode == "dark"
        lines.append(_block(":root", properties(theme, dark=dark)))
        lines.append(f":root {{ color-scheme: {'dark' if dark else 'light'}; }}")
    return "\n".join(lines) + "\n"
