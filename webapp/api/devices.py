"""A paired phone's own endpoints: the health it reports, and whose queued scans it may send."""

from flask import request
from flask_login import current_user, login_required
from marshmallow import Schema, fields, validate

from ..auth.devices import current_device
from ..errors import NotFound
from ..input_limits import INT32_MAX
from ..models.devices import MAX_UNSENT
from ..services.devices import device_workers, record_heartbeat
from ..services.scanning import Actor
from .blueprint import api_bp
from .bounded import Int, Timestamp
from .params import json_body


class HeartbeatIn(Schema):
    """What a phone reports after a sync round."""

    synced = fields.Boolean(load_default=True)
    unsent = Int(0, MAX_UNSENT, required=True)
    oldest_unsent_at = Timestamp(load_default=None, allow_none=True)
    app_version = fields.String(load_default="", validate=validate.Length(max=40))


heartbeat_in = HeartbeatIn()


def client_id() -> str | None:
    """The phone's own id (kept in its IndexedDB), as it stamps every scan."""
    return (request.headers.get("X-Device-Id") or "")[:64] or None


def sender() -> Actor:
    """The signed-in user, as the actor of the scans they send."""
    return Actor(
        user_id=current_user.id,
        role=current_user.role,
        default_site_id=current_user.default_site_id,
        device_id=client_id(),
    )


def actors_for(worker_ids) -> dict:
    """Who each named worker is, for the workers this phone may book scans to; None and the sender are the sender.

    A shared phone's queue holds scans of everyone who signed in on it, each naming its worker; only
    workers who signed in on this phone (and are still active) may be named. Anyone else is left out.
    """
    me = sender()
    actors = {None: me, me.user_id: me}
    others = {w for w in worker_ids if type(w) is int and 0 < w <= MAX_ID and w != me.user_id}
    device = current_device()
    if device is not None and others:
        for w in device_workers(device.id, others).values():
            actors[w.user_id] = Actor(w.user_id, w.role, w.default_site_id, me.device_id)
    return actors


MAX_ID = INT32_MAX  # an integer key; anything larger is no one
UNKNOWN_WORKER = "The worker who made this scan has not signed in on this phone."


@api_bp.post("/device/heartbeat")
@login_required
def device_heartbeat():
    """A paired phone's health after a sync round: unsent scans, the oldest one's time, its app version."""
    device = current_device()
    if device is None:
        raise NotFound("This browser is not a paired phone.", code="not_paired")
    record_heartbeat(device.id, client_id=client_id(), **heartbeat_in.load(json_body()))
    return "", 204
