"""Printable documents (letters, agendas, minutes) as A4 PDFs with fpdf2's built-in fonts.

Project-wide like ``apiconf``: one look for every PDF Loket prints. The built-in fonts speak
Latin-1, which covers Dutch; typographic quotes and dashes are mapped, anything else replaced.
"""

from __future__ import annotations

from fpdf import FPDF

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u20ac": "EUR",
    }
)


def latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


class Document(FPDF):
    """An A4 page with 20 mm margins and ``footer_text`` at the bottom of every page."""

    def __init__(self, *, title: str, footer_text: str = "") -> None:
        super().__init__(format="A4")
        self.footer_text = latin1(footer_text)[:110]
        self.set_title(latin1(title))
        self.set_author("Stad Antwerpen")
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(auto=True, margin=20)
        self.add_page()

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"{self.footer_text}  -  {self.page_no()}/{{nb}}", align="C")

    def heading(self, text: str, size: int = 12) -> None:
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, size * 0.6, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, *, bold: bool = False, size: int = 10) -> None:
        self.set_font("Helvetica", "B" if bold else "", size)
        self.multi_cell(0, size * 0.55, latin1(text), new_x="LMARGIN", new_y="NEXT")

    def render(self) -> bytes:
        return bytes(self.output())
