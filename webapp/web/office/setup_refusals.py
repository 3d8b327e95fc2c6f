"""What the office says, in the user's language, when a set-up write of sites, bins, users or tokens is refused."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...errors import AppError
from ..display import item_name

SITE_KIND_LABELS = {
    "warehouse": _l("Warehouse"),
    "store": _l("Store"),
    "factory": _l("Factory"),
    "external": _l("External"),
}
BIN_KIND_LABELS = {
    "bin": _l("Shelf bin"),
    "receiving": _l("Receiving"),
    "shipping": _l("Shipping"),
    "staging": _l("Staging"),
    "quarantine": _l("Quarantine (never picked)"),
}

_FIELD_LABELS = {
    "site_code": _l("Site code"),
    "bin_code": _l("Bin code"),
    "name": _l("Name"),
    "zone": _l("Zone"),
}


def _held(exc: AppError) -> str:
    stock = exc.fields.get("stock", [])
    listed = "、".join(
        _(
            "%(name)s (%(code)s) %(qty)d in %(bin)s",
            name=item_name(s),
            code=s["item_code"],
            qty=s["quantity"],
            bin=s["bin_code"],
        )
        for s in stock
    )
    return _("It still holds stock: %(stock)s. Move it out or count it to zero first.", stock=listed)


def refusal(exc: AppError) -> str:
    """The sentence for a refused set-up write, chosen by the error's code (never the service's English)."""
    field = next(iter(exc.fields), "")
    simple = {
        "duplicate_code": _("That code is already used. Each site and each bin needs its own code."),
        "bad_kind": _("Choose a kind from the list."),
        "bad_walk_seq": _("The walk order is a whole number from 0 to 999999."),
        "receiving_kind": _("Each site has exactly one receiving bin, made with the site; it keeps that kind."),
        "receiving_bin": _("The receiving bin closes only with its site."),
        "has_active_bins": _("Deactivate its bins first: %(bins)s.", bins=", ".join(exc.fields.get("bins", [])[:8])),
        "site_inactive": _("That site is inactive: reactivate it first."),
        "unknown_site": _("There is no such active site."),
        "unknown_bin": _("There is no such bin."),
        "unknown_field": _("That field cannot be changed here."),
        "bad_username": _("A user name is 1 to 80 characters without spaces."),
        "bad_display_name": _("A name is 1 to 120 characters."),
        "bad_password": _("A password is 8 to 200 characters."),
        "bad_role": _("Choose a role from the list."),
        "duplicate_username": _("That user name is already taken."),
        "workers_only": _("A manager may set up workers only; ask the owner."),
        "not_allowed": _("Only a manager or the owner sets up users."),
        "last_owner": _("This is the last active owner: make someone else owner first."),
        "unknown_user": _("There is no such active user."),
        "own_tokens_only": _("Only the owner manages other people's API tokens."),
        "bad_token_name": _("A token's name is 1 to 80 characters."),
        "unknown_token": _("There is no such token."),
    }
    if exc.code == "invalid":
        return exc.message  # the form parsers' messages are already in the user's language
    if exc.code == "holds_stock":
        return _held(exc)
    if exc.code in ("required", "too_long"):
        label = _FIELD_LABELS.get(field, field)
        if exc.code == "required":
            return _("%(field)s is required.", field=label)
        return _("%(field)s is too long.", field=label)
    return simple.get(exc.code, _("That change was refused."))
