"""Dutch texts of the messages about reports.

The "is het opgelost?" question to a reporter with an account goes through the notifications app
(its template ``report_fixed_question`` is seeded here and editable in the admin); mails to
followers by e-mail (who may have no account) are rendered from the same kind of text by the
reports app itself (``reports.mail``).
"""

from __future__ import annotations

SIGNATURE = "Met vriendelijke groeten,\nStad Antwerpen\n03 22 11 333 · info@antwerpen.be"

FIXED_QUESTION_KEY = "report_fixed_question"

FIXED_QUESTION_SUBJECT = "Is het probleem van uw melding {{ reference }} opgelost?"
FIXED_QUESTION_BODY = (
    "Beste {{ citizen_name }},\n\n"
    "Uw melding {{ reference }} ({{ title }}) is afgehandeld: {{ status_label }}.\n"
    "{% if message %}\nBericht van de stad:\n{{ message }}\n{% endif %}"
    "\nIs het probleem opgelost?\n"
    "Ja, het is opgelost: {{ fixed_url }}\n"
    "Nee, het is niet opgelost (de melding wordt heropend): {{ not_fixed_url }}\n"
    "U kunt de melding heropenen tot {{ reopen_until|date:'j F Y' }}.\n\n"
    "Volg uw melding: {{ public_url }}\n\n" + SIGNATURE
)
FIXED_QUESTION_SMS = (
    "Stad Antwerpen: uw melding {{ reference }} is afgehandeld. Is het opgelost? Ja: {{ fixed_url }} "
    "Nee: {{ not_fixed_url }}"
)

# To followers by e-mail (reports.mail): the reporter without an account and whoever follows.
FOLLOWER_STATUS_SUBJECT = "Melding {{ reference }}: {{ status_label }}"
FOLLOWER_STATUS_BODY = (
    "Beste,\n\n"
    "De melding {{ reference }} ({{ title }}) die u volgt heeft een nieuwe status: {{ status_label }}.\n"
    "{% if message %}\nBericht van de stad:\n{{ message }}\n{% endif %}"
    "{% if fixed_url %}\nIs het probleem opgelost?\n"
    "Ja, het is opgelost: {{ fixed_url }}\n"
    "Nee, het is niet opgelost (de melding wordt heropend): {{ not_fixed_url }}\n"
    "U kunt de melding heropenen tot {{ reopen_until|date:'j F Y' }}.\n{% endif %}"
    "\nVolg de melding: {{ public_url }}\n"
    "Wilt u geen berichten meer over deze melding? {{ unfollow_url }}\n\n" + SIGNATURE
)

FOLLOWER_WELCOME_SUBJECT = "U volgt melding {{ reference }}"
FOLLOWER_WELCOME_BODY = (
    "Beste,\n\n"
    "{% if reporter %}Bedankt voor uw melding {{ reference }} ({{ title }}). We hebben ze goed ontvangen"
    "{% if team %} en bezorgd aan {{ team }}{% endif %}.{% else %}U volgt nu de melding {{ reference }} ({{ title }})."
    "{% endif %}\n"
    "U krijgt een e-mail wanneer de status verandert.\n\n"
    "Volg de melding: {{ public_url }}\n"
    "Wilt u geen berichten meer over deze melding? {{ unfollow_url }}\n\n" + SIGNATURE
)

# To an address typed on a report's page ("volg deze melding"): the only mail it gets until the
# link is used (a double opt-in).
FOLLOW_CONFIRM_SUBJECT = "Bevestig dat u melding {{ reference }} wilt volgen"
FOLLOW_CONFIRM_BODY = (
    "Beste,\n\n"
    "Iemand vroeg om met dit e-mailadres de melding {{ reference }} ({{ title }}) te volgen.\n"
    "Was u dat? Bevestig het via deze link (geldig tot {{ valid_until|date:'j F Y' }}):\n"
    "{{ confirm_url }}\n\n"
    "Vroeg u dit niet? Dan hoeft u niets te doen: zonder bevestiging krijgt u geen berichten "
    "over deze melding.\n\n"
    "De melding: {{ public_url }}\n\n" + SIGNATURE
)

# To followers by e-mail when a closed report is taken up again (the reporter said it is not
# fixed, or a handler reopened it).
FOLLOWER_REOPENED_SUBJECT = "Melding {{ reference }} is heropend"
FOLLOWER_REOPENED_BODY = (
    "Beste,\n\n"
    "De melding {{ reference }} ({{ title }}) die u volgt is heropend en opnieuw {{ status_label }}.\n"
    "{% if message %}\nBericht van de stad:\n{{ message }}\n{% endif %}"
    "\nVolg de melding: {{ public_url }}\n"
    "Wilt u geen berichten meer over deze melding? {{ unfollow_url }}\n\n" + SIGNATURE
)
