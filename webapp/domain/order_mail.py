"""The wording of a purchase-order e-mail: placeholders, the default templates in Japanese and English (pure)."""

import string

PLACEHOLDERS = ("order_number", "order_date", "supplier", "delivery_date", "total", "company", "person", "site")
MAX_SUBJECT, MAX_BODY = 200, 4000

DEFAULT_SUBJECT = {
    "ja": "【発注書】{order_number} {company}",
    "en": "Purchase order {order_number} from {company}",
}
DEFAULT_BODY = {
    "ja": (
        "{supplier} 御中\n\n"
        "いつもお世話になっております。\n"
        "{company}の{person}でございます。\n\n"
        "下記のとおり発注いたしますので、添付の発注書をご確認くださいますようお願い申し上げます。\n\n"
        "発注番号：{order_number}\n"
        "発注日：{order_date}\n"
        "希望納期：{delivery_date}\n"
        "納品先：{site}\n"
        "合計金額（税込）：{total}\n\n"
        "ご不明な点がございましたら、お気軽にお問い合わせください。\n"
        "何卒よろしくお願い申し上げます。\n\n"
        "{company}\n{person}\n"
    ),
    "en": (
        "Dear {supplier},\n\n"
        "Please find attached our purchase order {order_number} of {order_date}.\n\n"
        "Requested delivery date: {delivery_date}\n"
        "Deliver to: {site}\n"
        "Total (tax included): {total}\n\n"
        "Kindly confirm receipt of this order and the delivery date.\n\n"
        "Best regards,\n{person}\n{company}\n"
    ),
}


def template_fields(template: str) -> list[str] | None:
    """The placeholder names a template uses, or None when its braces do not parse ("{" alone, "{a.b}", "{a!r}")."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return None
    names = []
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            return None  # only plain {name}: no attribute access, index, conversion or format spec
        names.append(name)
    return names


def template_problem(template: str, limit: int) -> str | None:
    """Why a template cannot be saved ("too_long", "braces", "unknown:<name>"), or None when it can."""
    if len(template) > limit:
        return "too_long"
    names = template_fields(template)
    if names is None:
        return "braces"
    unknown = [n for n in names if n not in PLACEHOLDERS]
    return f"unknown:{unknown[0]}" if unknown else None


def render(template: str, values: dict) -> str:
    """The template with every placeholder filled in (a template is checked when saved; missing values are empty)."""
    return template.format_map({name: str(values.get(name, "")) for name in PLACEHOLDERS})
