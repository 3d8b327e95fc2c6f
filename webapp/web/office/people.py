"""The office's people: create users, change role and default site, reset a password, deactivate and reactivate."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from ...auth.roles import require_role
from ...errors import AppError, NotFound
from ...extensions import db
from ...input_limits import form_int
from ...models import User
from ...models.users import ROLES
from ...services import accounts
from ..blueprint import web_bp
from .dashboard import office_context
from .phones import ROLE_LABELS
from .setup_refusals import refusal

# A password or token shown once must not be kept by the browser's cache or a proxy.
NO_STORE = {"Cache-Control": "no-store"}


def _roles_for(user) -> list[str]:
    return list(ROLES) if user.has_role("owner") else ["worker"]


def _site_id(form) -> int | None:
    return form_int(form.get("default_site_id") or None, 1)


def _list_page(status: int = 200, **extra):
    context = office_context(
        people=accounts.list_people(current_user.id),
        role_labels=ROLE_LABELS,
        roles=_roles_for(current_user),
        form=request.form if status != 200 else {},
    )
    return render_template("office/users.html", **(context | extra)), status, NO_STORE


def _user_page(user_id: int, status: int = 200, **extra):
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user {user_id}.")
    context = office_context(
        person=user,
        role_labels=ROLE_LABELS,
        roles=_roles_for(current_user),
        may_edit=current_user.has_role("owner") or user.role == "worker",
    )
    return render_template("office/user.html", **(context | extra)), status, NO_STORE


@web_bp.route("/office/users")
@require_role("manager")
def office_users():
    """Everyone who signs in, with their role, site and whether they are active."""
    return _list_page()


@web_bp.route("/office/users", methods=["POST"])
@require_role("manager")
def office_create_user():
    """A new user; the password (typed or generated) is shown once on the answer, never again."""
    form = request.form
    try:
        user_id, password = accounts.add_user(
            current_user.id,
            form.get("username", ""),
            form.get("role", ""),
            display_name=form.get("display_name", ""),
            default_site_id=_site_id(form),
            password=form.get("password", ""),
        )
    except AppError as exc:
        return _list_page(422, error=refusal(exc))
    return _user_page(user_id, 201, new_password=password, created=True)


@web_bp.route("/office/users/<int:user_id>")
@require_role("manager")
def office_user(user_id: int):
    """One person: role, default site, password reset, deactivation, and the way to their badge."""
    return _user_page(user_id, done=request.args.get("done", ""))


@web_bp.route("/office/users/<int:user_id>", methods=["POST"])
@require_role("manager")
def office_update_user(user_id: int):
    """A person's new role, default site and shown name."""
    form = request.form
    try:
        accounts.update_user(
            current_user.id,
            user_id,
            role=form.get("role", ""),
            default_site_id=_site_id(form),
            display_name=form.get("display_name", ""),
        )
    except AppError as exc:
        return _user_page(user_id, 422 if exc.code != "not_found" else 404, error=refusal(exc))
    return redirect(url_for("web.office_user", user_id=user_id, done="saved"), code=303)


@web_bp.route("/office/users/<int:user_id>/password", methods=["POST"])
@require_role("manager")
def office_user_password(user_id: int):
    """A new password, typed or generated, shown once; the person's sessions end."""
    try:
        password = accounts.reset_password(current_user.id, user_id, request.form.get("password", ""))
    except AppError as exc:
        return _user_page(user_id, 422, error=refusal(exc))
    return _user_page(user_id, new_password=password)


@web_bp.route("/office/users/<int:user_id>/active", methods=["POST"])
@require_role("manager")
def office_user_active(user_id: int):
    """Deactivate someone (sessions, remember cookies and tokens stop at once) or let them back in."""
    active = request.form.get("active") == "1"
    try:
        accounts.set_user_active(current_user.id, user_id, active)
    except AppError as exc:
        return _user_page(user_id, 422, error=refusal(exc))
    return redirect(
        url_for("web.office_user", user_id=user_id, done="reactivated" if active else "deactivated"), code=303
    )
