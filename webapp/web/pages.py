"""The worker's screens: home, one scan screen per mode, lookup, recent scans, language switch."""

from flask import abort, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from ..auth.devices import current_device
from ..domain.redirects import same_site_path
from ..errors import InvalidInput
from ..i18n import LANG_COOKIE
from ..services.stock import lookup as lookup_code
from . import display  # noqa: F401  (the item-name global and the unit filter every page uses)
from .blueprint import web_bp
from .office.labels import MOVEMENT_LABELS
from .shell import shell_version
from .strings import js_strings

# Modes with a scan screen, in the order of the home screen; (label, one-line help).
SCAN_MODES = {
    "receive": (_l("Receive"), _l("Goods in: scan the bin, then each item.")),
    "pick": (_l("Pick"), _l("Goods out: scan each item you take.")),
    "count": (_l("Count"), _l("Stocktake: scan the bin, then count each item.")),
    "move": (_l("Move"), _l("Scan the source bin, the destination bin, then the items.")),
}
ONE_YEAR = 365 * 24 * 3600


def render_fragment(full: str, fragment: str, **context):
    """The whole page, or only its fragment for an htmx request (the response varies on HX-Request)."""
    template = fragment if request.headers.get("HX-Request") == "true" else full
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response


@web_bp.app_context_processor
def page_globals():
    """What the base layout needs on every page: language, client config, JS strings."""
    user = current_user if getattr(current_user, "is_authenticated", False) else None
    return {
        "locale": str(get_locale() or "ja"),
        "scan_modes": SCAN_MODES,
        "device": current_device(),
        "js_strings": js_strings,
        "client_config": lambda: {
            "user_id": user.id if user else None,
            "device": _device_config(),
            "app_version": shell_version(),
            "urls": {
                "batch": url_for("api.post_scan_batch"),
                "heartbeat": url_for("api.device_heartbeat"),
                "task_actions": url_for("api.post_task_actions"),
                "session": url_for("api.session_info"),
                "reference": url_for("api.reference"),
                "login": url_for("auth.login"),
                "lookup": url_for("web.lookup"),
                "sw": url_for("web.service_worker"),
                "recent": url_for("web.recent"),
                "decoder": url_for("static", filename="vendor/barcode-detector/ponyfill.js"),
            },
        },
    }


def _device_config() -> dict | None:
    """The paired phone this page is on: the scripts send every worker's scans from a shared one."""
    device = current_device()
    return {"id": device.id, "name": device.name, "shared": device.shared} if device else None


@web_bp.route("/")
@login_required
def home():
    """Home: the modes, big enough to hit with a gloved thumb."""
    return render_template("home.html", page="home")


@web_bp.route("/scan/<mode>")
@login_required
def scan(mode: str):
    """The scan screen of one mode."""
    if mode not in SCAN_MODES:
        abort(404)
    return render_template("scan.html", page="scan", mode=mode, label=SCAN_MODES[mode][0], help=SCAN_MODES[mode][1])


@web_bp.route("/lookup")
@login_required
def lookup():
    """Lookup: what a code is, with live stock by bin and reorder status (fragment for htmx)."""
    code = request.args.get("code", "").strip()
    result, error = None, None
    if code:
        try:
            result = lookup_code(code)
        except InvalidInput as exc:
            error = exc.message
    return render_fragment(
        "lookup.html",
        "_lookup_result.html",
        page="lookup",
        code=code,
        result=result,
        error=error,
        movement_labels=MOVEMENT_LABELS,
    )


@web_bp.route("/recent")
@login_required
def recent():
    """Recent scans of this device, with undo, and the scans that need attention."""
    return render_template("recent.html", page="recent")


@web_bp.route("/lang", methods=["POST"])
def set_language():
    """Switch the UI language; the choice is kept in a cookie for a year."""
    lang = request.form.get("lang", "")
    target = request.form.get("next")
    if not same_site_path(target):
        target = url_for("web.home")
    response = redirect(target, code=303)
    if lang in ("ja", "en"):
        response.set_cookie(LANG_COOKIE, lang, max_age=ONE_YEAR, samesite="Lax", httponly=True)
    return response
