"""API tokens in the office: create (shown once), list with last use, revoke; the owner's over all, each user's own."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ...errors import AppError
from ...extensions import db
from ...input_limits import form_int
from ...models import User
from ...services import accounts
from ..blueprint import web_bp
from .dashboard import office_context
from .people import NO_STORE
from .setup_refusals import refusal


def _page(status: int = 200, **extra):
    owners_view = current_user.has_role("owner")
    holders = (
        list(db.session.scalars(select(User).where(User.active).order_by(User.username)))
        if owners_view
        else [current_user]
    )
    context = office_context(tokens=accounts.list_tokens(current_user.id), holders=holders, owners_view=owners_view)
    return render_template("office/tokens.html", **(context | extra)), status, NO_STORE


@web_bp.route("/office/tokens")
@login_required
def office_tokens():
    """The tokens this user may see: name, holder, created, last use, revoked."""
    return _page(done=request.args.get("done", ""))


@web_bp.route("/office/tokens", methods=["POST"])
@login_required
def office_create_token():
    """A new token, shown on this answer only; the server keeps its hash."""
    holder = form_int(request.form.get("user_id") or None, 1) or current_user.id
    try:
        token = accounts.issue_token(current_user.id, holder, request.form.get("name", ""))
    except AppError as exc:
        return _page(422, error=refusal(exc))
    return _page(201, new_token=token)


@web_bp.route("/office/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def office_revoke_token(token_id: int):
    """Revoke a token: requests carrying it are refused from now on."""
    try:
        accounts.revoke_token_by(current_user.id, token_id)
    except AppError as exc:
        return _page(422 if exc.code != "unknown_token" else 404, error=refusal(exc))
    return redirect(url_for("web.office_tokens", done="revoked"), code=303)
