"""The printable letter: an A4 PDF carrying the reference on top and on every page."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from loket.correspondence.models import Letter
from loket.printing import Document


def letter_pdf(letter: Letter) -> bytes:
    pdf = Document(title=f"{letter.reference} {letter.subject}", footer_text=f"{letter.reference} - {letter.subject}")
    pdf.paragraph(_("Referentie: %(ref)s") % {"ref": letter.reference}, bold=True)
    pdf.paragraph(formats.date_format(letter.letter_date, "j F Y"))
    pdf.ln(4)
    pdf.paragraph(_("Van: %(sender)s") % {"sender": letter.sender.name})
    pdf.paragraph(_("Aan: %(to)s") % {"to": ", ".join(p.name for p in letter.recipients.all())})
    if letter.in_reply_to is not None:
        pdf.paragraph(_("Antwoord op: %(ref)s") % {"ref": letter.in_reply_to.reference})
    if letter.reply_due:
        due = formats.date_format(letter.reply_due, "j F Y")
        pdf.paragraph(_("Antwoord verwacht uiterlijk op %(due)s") % {"due": due})
    pdf.ln(4)
    pdf.heading(letter.subject)
    pdf.paragraph(letter.body or _("De brief zelf is als PDF bij deze registratie gevoegd."), size=11)
    return pdf.render()
