"""Draw a 発注書 (purchase order document) on A4 with fpdf2, in Japanese or English, the font embedded as a subset."""

from decimal import Decimal
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ...domain.units import unit_word

FONT = Path(__file__).parent / "fonts" / "ipaexg.ttf"  # IPAexGothic, IPA Font License v1.0 beside it
WORDS = {
    "ja": {
        "title": "発 注 書",
        "date_format": "%Y年%m月%d日",
        "to": "{name} 御中",
        "lead": "下記の通り発注いたします。",
        "number": "発注番号",
        "date": "発注日",
        "total_due": "合計金額（税込）",
        "delivery_date": "納期",
        "delivery_place": "納品場所",
        "to_agree": "別途ご相談",
        "columns": ("No.", "品番", "品名", "JAN", "数量", "単位", "単価", "金額"),
        "line_date": "納期 {date}",
        "subtotal": "小計",
        "tax": "消費税（{p}%）",
        "total": "合計",
        "remarks": "備考",
        "reduced_note": "※印は軽減税率（{p}%）対象品目です。",
        "phone": "TEL",
        "fax": "FAX",
        "person": "担当",
    },
    "en": {
        "title": "PURCHASE ORDER",
        "date_format": "%Y-%m-%d",
        "to": "To: {name}",
        "lead": "Please supply the following goods.",
        "number": "Order No.",
        "date": "Date",
        "total_due": "Total (tax incl.)",
        "delivery_date": "Delivery date",
        "delivery_place": "Deliver to",
        "to_agree": "to be agreed",
        "columns": ("No.", "Code", "Item", "JAN", "Qty", "Unit", "Unit price", "Amount"),
        "line_date": "deliver {date}",
        "subtotal": "Subtotal",
        "tax": "Consumption tax ({p}%)",
        "total": "Total",
        "remarks": "Remarks",
        "reduced_note": "※ marks items at the reduced tax rate ({p}%).",
        "phone": "Tel",
        "fax": "Fax",
        "person": "Contact",
    },
}
WIDTHS = (9, 25, 60, 27, 15, 12, 20, 22)  # 190 mm: the printable width of A4 with 10 mm margins
ALIGN = ("C", "L", "L", "C", "R", "C", "R", "R")


def yen(value: Decimal) -> str:
    """¥1,234 for whole yen; a unit price with sen keeps them (¥12.50)."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"¥{int(value):,}"
    return f"¥{value.quantize(Decimal('0.01')):,}"


def _fit(pdf: FPDF, text: str, width: float, size: float) -> str:
    """Shrink the font (down to 6 pt) until the text fits the cell, then cut it with an ellipsis."""
    pdf.set_font_size(size)
    while pdf.get_string_width(text) > width - 2 and pdf.font_size_pt > 6:
        pdf.set_font_size(pdf.font_size_pt - 0.5)
    while pdf.get_string_width(text) > width - 2 and len(text) > 1:
        text = text[:-2] + "…"
    return text


def _company_block(pdf: FPDF, doc: dict, w: dict) -> None:
    c = doc["company"]
    rows = [
        c["name"],
        " ".join(x for x in (f"〒{c['postal_code']}" if c["postal_code"] else "", c["address"]) if x),
        "  ".join(x for x in (c["phone"] and f"{w['phone']} {c['phone']}", c["fax"] and f"{w['fax']} {c['fax']}") if x),
        c["email"],
        c["person_in_charge"] and f"{w['person']}: {c['person_in_charge']}",
    ]
    pdf.set_xy(120, 44)
    for n, text in enumerate(r for r in rows if r):
        pdf.set_x(120)
        pdf.set_font_size(11 if n == 0 else 9)
        pdf.cell(
            80, 5.5 if n == 0 else 4.6, _fit(pdf, text, 80, 11 if n == 0 else 9), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


def _header(pdf: FPDF, doc: dict, w: dict) -> None:
    pdf.set_font("ipaexg", size=20)
    pdf.cell(0, 12, w["title"], align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font_size(9)
    for label, value in ((w["number"], doc["number"]), (w["date"], doc["date"].strftime(w["date_format"]))):
        pdf.set_x(140)
        pdf.cell(22, 5, label, new_x=XPos.RIGHT)
        pdf.cell(38, 5, value, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_xy(10, 36)
    pdf.set_font_size(14)
    pdf.cell(
        100,
        9,
        _fit(pdf, w["to"].format(name=doc["supplier"]), 100, 14),
        border="B",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font_size(9)
    pdf.ln(3)
    pdf.cell(100, 5, w["lead"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    when = doc["delivery_date"].strftime(w["date_format"]) if doc["delivery_date"] else w["to_agree"]
    for label, value, size in (
        (w["total_due"], yen(doc["total"]), 13),
        (w["delivery_date"], when, 10),
        (w["delivery_place"], doc["delivery_place"], 10),
    ):
        pdf.set_font_size(9)
        pdf.cell(32, 8, label, border=1, fill=True, new_x=XPos.RIGHT)
        pdf.cell(
            68,
            8,
            _fit(pdf, value, 68, size),
            border=1,
            align="R" if size == 13 else "L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    _company_block(pdf, doc, w)


def _column_heads(pdf: FPDF, w: dict) -> None:
    pdf.set_font_size(8.5)
    for text, width in zip(w["columns"], WIDTHS):
        pdf.cell(width, 7, text, border=1, align="C", fill=True, new_x=XPos.RIGHT)
    pdf.ln(7)


def _lines(pdf: FPDF, doc: dict, w: dict) -> None:
    pdf.set_xy(10, 92)
    _column_heads(pdf, w)
    for n, line in enumerate(doc["lines"], start=1):
        if pdf.get_y() > 262:  # a new page repeats the column heads
            pdf.add_page()
            _column_heads(pdf, w)
        name = line["name"] + (" ※" if line["reduced"] else "")
        extra = [w["line_date"].format(date=line["expected_date"].strftime("%m/%d"))] if line["expected_date"] else []
        extra = [line["packs"]] * bool(line.get("packs")) + extra  # the pieces priced above, in the packs shipped
        extra += [line["note"]] if line["note"] else []
        cells = (
            str(n),
            line["code"],
            name,
            line["jan"],
            f"{line['quantity']:,}",
            unit_word(line["unit"], doc["language"]),
            yen(line["unit_price"]),
            yen(line["amount"]),
        )
        height = 10 if extra else 7
        y = pdf.get_y()
        for text, width, align in zip(cells, WIDTHS, ALIGN):
            pdf.cell(
                width,
                height,
                "" if width == WIDTHS[2] and extra else _fit(pdf, text, width, 8.5),
                border=1,
                align=align,
                new_x=XPos.RIGHT,
            )
        if extra:  # the name on top, the line's date and note small below it
            pdf.set_xy(10 + sum(WIDTHS[:2]), y + 1)
            pdf.cell(WIDTHS[2], 4.5, _fit(pdf, name, WIDTHS[2], 8.5))
            pdf.set_xy(10 + sum(WIDTHS[:2]), y + 5.5)
            pdf.cell(WIDTHS[2], 3.5, _fit(pdf, " / ".join(extra), WIDTHS[2], 6.5))
        pdf.set_xy(10, y + height)


def _totals(pdf: FPDF, doc: dict, w: dict) -> None:
    pdf.ln(2)
    rows = [(w["subtotal"], doc["subtotal"])] + [(w["tax"].format(p=t.percent), t.tax) for t in doc["taxes"]]
    rows.append((w["total"], doc["total"]))
    for n, (label, value) in enumerate(rows):
        last = n == len(rows) - 1
        pdf.set_x(130)
        pdf.set_font_size(10 if last else 9)
        pdf.cell(38, 7, label, border=1, fill=True, new_x=XPos.RIGHT)
        pdf.cell(32, 7, yen(value), border=1, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    reduced = [ln for ln in doc["lines"] if ln["reduced"]]
    if reduced:
        pdf.set_font_size(8)
        percent = doc["company"]["reduced_tax_percent"]
        pdf.cell(0, 5, w["reduced_note"].format(p=percent), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.set_font_size(9)
    pdf.cell(0, 6, w["remarks"], border="LTR", fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(0, 5, doc["remarks"] or " ", border="LBR", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


class OrderPDF(FPDF):
    """A4 with the order number and "page n / N" at the foot of every page."""

    footer_text = ""

    def footer(self):
        self.set_y(-12)
        self.set_font("ipaexg", size=8)
        self.cell(0, 5, f"{self.footer_text}  {self.page_no()} / {{nb}}", align="R")


def draw_order_pdf(doc: dict) -> bytes:
    """The order document of `order_document()` as PDF bytes (A4 portrait)."""
    w = WORDS[doc["language"]]
    pdf = OrderPDF(orientation="P", unit="mm", format="A4")
    pdf.footer_text = doc["number"]
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("ipaexg", fname=str(FONT))
    pdf.set_font("ipaexg", size=9)
    pdf.set_fill_color(236, 240, 244)
    pdf.set_draw_color(90, 90, 90)
    pdf.set_title(f"{w['title'].replace(' ', '')} {doc['number']}")
    pdf.set_creator("Tanaoroshi")
    pdf.set_lang(doc["language"])
    pdf.add_page()
    _header(pdf, doc, w)
    _lines(pdf, doc, w)
    _totals(pdf, doc, w)
    return bytes(pdf.output())
