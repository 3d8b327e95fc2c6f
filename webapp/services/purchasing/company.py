"""The shop's company block for its order documents (one row, made on first save), and the tax rates."""

from sqlalchemy import select

from ...errors import InvalidInput, NotFound
from ...extensions import db
from ...models import CompanyProfile, Supplier
from ..core import transactional

TEXT_FIELDS = {
    "name": 200,
    "postal_code": 16,
    "address": 300,
    "phone": 40,
    "fax": 40,
    "email": 200,
    "person_in_charge": 100,
}


def company_profile() -> dict:
    """The company block as saved, or empty fields and the standard rates (10 %, reduced 8 %) before any save."""
    row = db.session.get(CompanyProfile, 1)
    out = {k: getattr(row, k) if row else "" for k in TEXT_FIELDS}
    out["standard_tax_percent"] = row.standard_tax_percent if row else 10
    out["reduced_tax_percent"] = row.reduced_tax_percent if row else 8
    return out


@transactional
def save_company_profile(**values) -> None:
    """Save the company block; every text bounded, each tax rate a whole percent from 0 to 100."""
    errors = {k: [f"at most {n} characters"] for k, n in TEXT_FIELDS.items() if len(str(values.get(k, ""))) > n}
    for key in ("standard_tax_percent", "reduced_tax_percent"):
        rate = values.get(key, 10 if key.startswith("standard") else 8)
        if not isinstance(rate, int) or isinstance(rate, bool) or not 0 <= rate <= 100:
            errors[key] = ["0..100"]
    if errors:
        raise InvalidInput("Some company fields are not valid.", code="bad_company", fields=errors)
    row = db.session.get(CompanyProfile, 1) or CompanyProfile(id=1)
    for key in TEXT_FIELDS:
        setattr(row, key, str(values.get(key, "")).strip())
    row.standard_tax_percent = values.get("standard_tax_percent", 10)
    row.reduced_tax_percent = values.get("reduced_tax_percent", 8)
    db.session.add(row)


def document_languages() -> list[dict]:
    """Every active supplier with the language of its order documents."""
    rows = db.session.scalars(select(Supplier).where(Supplier.active).order_by(Supplier.code))
    return [{"id": s.id, "code": s.code, "name": s.name, "language": s.language} for s in rows]


@transactional
def set_document_language(supplier_id: int, language: str) -> None:
    """Japanese or English order documents for one supplier."""
    if language not in ("ja", "en"):
        raise InvalidInput("The language is ja or en.", code="bad_language", fields={"language": ["ja", "en"]})
    supplier = db.session.get(Supplier, supplier_id)
    if supplier is None:
        raise NotFound(f"No supplier {supplier_id}.")
    supplier.language = language
