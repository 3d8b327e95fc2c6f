"""The wording of an order e-mail: only known plain placeholders, filled in the supplier's language."""

from webapp.domain.order_mail import DEFAULT_BODY, DEFAULT_SUBJECT, PLACEHOLDERS, render, template_problem


def test_the_default_templates_use_only_known_placeholders_in_both_languages():
    for language in ("ja", "en"):
        assert template_problem(DEFAULT_SUBJECT[language], 200) is None
        assert template_problem(DEFAULT_BODY[language], 4000) is None
    assert DEFAULT_BODY["ja"].startswith("{supplier} 御中\n\nいつもお世話になっております。")


def test_unknown_names_attribute_access_and_stray_braces_are_refused():
    assert template_problem("{order_no} の件", 200) == "unknown:order_no"
    assert template_problem("{supplier.__class__}", 200) == "braces"
    assert template_problem("{total:>10}", 200) == "braces"
    assert template_problem("{supplier!r}", 200) == "braces"
    assert template_problem("合計 {total", 200) == "braces"
    assert template_problem("x" * 201, 200) == "too_long"
    assert template_problem("{{そのまま}} {company}", 200) is None


def test_rendering_fills_every_placeholder_and_leaves_doubled_braces_single():
    values = {"order_number": "PO-20261204-001", "supplier": "株式会社山田商事", "total": "31,680円"}
    text = render("{supplier} 御中 {order_number} {total} {{備考}} {person}", values)
    assert text == "株式会社山田商事 御中 PO-20261204-001 31,680円 {備考} "
    assert set(PLACEHOLDERS) >= {"order_number", "supplier", "delivery_date", "total", "company", "person"}
