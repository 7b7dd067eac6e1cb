from __future__ import annotations

from loket.notifications import demo
from loket.notifications.defaults import DEFAULT_TEXTS
from loket.notifications.models import MessageTemplate


def test_the_demo_seeds_every_dutch_template_and_keeps_staff_edits(db):
    demo.load(log=lambda line: None)
    defaults = MessageTemplate.objects.filter(key__in={text.key for text in DEFAULT_TEXTS})
    assert defaults.count() == len(DEFAULT_TEXTS)  # feature apps' migrations may seed their own keys too
    edited = MessageTemplate.objects.get(key="case_closed", channel="email")
    edited.body = "Eigen tekst {{ reference }}"
    edited.save()
    MessageTemplate.objects.filter(key="case_closed", channel="sms").delete()
    demo.load(log=lambda line: None)
    assert defaults.count() == len(DEFAULT_TEXTS)
    assert MessageTemplate.objects.get(key="case_closed", channel="email").body == "Eigen tekst {{ reference }}"
    assert set(MessageTemplate.objects.values_list("language", flat=True)) == {"nl"}
