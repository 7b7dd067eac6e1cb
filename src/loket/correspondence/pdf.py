"""The printable letter: an A4 PDF carrying the reference, made with fpdf2's built-in fonts."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

from loket.correspondence.models import Letter

# The built-in fonts speak Latin-1; typographic quotes and dashes are mapped, the rest replaced.
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


def _latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def letter_pdf(letter: Letter) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(f"{letter.reference} {letter.subject}"))
    pdf.set_author("Stad Antwerpen")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, _latin1(_("Referentie: %(ref)s") % {"ref": letter.reference}), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, _latin1(formats.date_format(letter.letter_date, "j F Y")), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    lines = [
        _("Van: %(sender)s") % {"sender": letter.sender.name},
        _("Aan: %(to)s") % {"to": ", ".join(p.name for p in letter.recipients.all())},
    ]
    if letter.in_reply_to_id:
        lines.append(_("Antwoord op: %(ref)s") % {"ref": letter.in_reply_to.reference if letter.in_reply_to else ""})
    if letter.reply_due:
        lines.append(
            _("Antwoord verwacht uiterlijk op %(due)s") % {"due": formats.date_format(letter.reply_due, "j F Y")}
        )
    for line in lines:
        pdf.multi_cell(0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, _latin1(letter.subject), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    body = letter.body or _("De brief zelf is als PDF bij deze registratie gevoegd.")
    pdf.multi_cell(0, 6, _latin1(body), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-25)
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 5, _latin1(f"{letter.reference} - {letter.subject}")[:110], align="C")
    return bytes(pdf.output())
