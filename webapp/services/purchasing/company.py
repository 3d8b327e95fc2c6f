"""The shop's company block for its order documents (one row, made on first save), and the tax rates."""

from ...errors import InvalidInput
from ...extensions import db
from ...models import CompanyProfile
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
