"""Sending a confirmed order to its supplier: the e-mail with the 発注書 attached, its FAX copy, the delivery log, retries."""

import copy
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr

from sqlalchemy import select, update

from ...domain.order_mail import DEFAULT_BODY, DEFAULT_SUBJECT, render
from ...errors import Conflict, InvalidInput
from ...extensions import db
from ...models import OrderDelivery, Supplier, Task
from ...models.types import utcnow
from ..core import transactional
from ..notifications import SendResult, fax_copy, send_mail
from .life import mark_sent
from .order_document import order_document
from .order_pdf import draw_order_pdf
from .sending_settings import sending_row

RETRY_MINUTES = (1, 5, 15, 60)  # after the 1st, 2nd, 3rd and 4th failure; the 5th is the last try
SENDABLE = ("open", "in_progress")


@dataclass(frozen=True)
class Outgoing:
    """One message to send: by which channel, to whom."""

    channel: str
    recipient: str
    message: EmailMessage


def _values(doc: dict) -> dict:
    """The placeholders' values, written the way the supplier's language writes them."""
    ja = doc["language"] == "ja"
    total = f"{int(doc['total']):,}円" if ja else f"JPY {int(doc['total']):,}"
    delivery = doc["delivery_date"].isoformat() if doc["delivery_date"] else ("別途ご相談" if ja else "to be agreed")
    return {
        "order_number": doc["number"],
        "order_date": doc["date"].isoformat(),
        "supplier": doc["supplier"],
        "delivery_date": delivery,
        "total": total,
        "company": doc["company"]["name"],
        "person": doc["company"]["person_in_charge"],
        "site": doc["delivery_place"],
    }


def order_email(task_id: int) -> tuple[EmailMessage, object]:
    """The order e-mail in the supplier's wording with the PDF attached (no To yet), and the supplier's settings."""
    task = db.session.get(Task, task_id)
    if task is None or task.kind != "purchase_order" or task.status not in SENDABLE or task.supplier_id is None:
        raise Conflict("Only a confirmed order of a supplier can be sent.", code="not_sendable")
    doc, row = order_document(task_id), sending_row(task.supplier_id)
    language, values = doc["language"], _values(doc)
    message = EmailMessage()
    subject = render(row.subject_template or DEFAULT_SUBJECT[language], values)
    message["Subject"] = " ".join(subject.split())
    message.set_content(render(row.body_template or DEFAULT_BODY[language], values))
    message.add_attachment(draw_order_pdf(doc), maintype="application", subtype="pdf", filename=f"{doc['number']}.pdf")
    return message, row


def outgoing(task_id: int, only: str | None = None) -> list[Outgoing]:
    """The messages the supplier's channel calls for (only one channel on a retry); refused when none can go."""
    message, row = order_email(task_id)
    supplier = db.session.get(Supplier, db.session.get(Task, task_id).supplier_id)
    email, fax_number = supplier.email or "", supplier.fax or ""
    out = []
    if row.channel == "manual":
        raise InvalidInput("This supplier is sent orders by hand: set e-mail or FAX first.", code="manual_channel")
    if row.channel in ("email", "both") and only in (None, "email"):
        if not email:
            raise InvalidInput("The supplier has no e-mail address.", code="no_email")
        mail = copy.deepcopy(message)
        mail["To"] = formataddr((supplier.name, email))
        out.append(Outgoing("email", email, mail))
    if row.channel in ("fax", "both") and only in (None, "fax"):
        fax = fax_copy(message, fax_number)
        if fax is None:
            raise InvalidInput("Set the FAX gateway in the mail settings and the supplier's FAX number.", code="no_fax")
        out.append(Outgoing("fax", str(fax["To"]), fax))
    return out


@transactional
def _record(task_id: int, sent: list[tuple[Outgoing, SendResult]], attempt: int, by, now: datetime) -> bool:
    """Log each attempt; a failure gets its next try unless it was the last. True when one of them went out."""
    for item, result in sent:
        retry = (
            None if result.ok or attempt > len(RETRY_MINUTES) else now + timedelta(minutes=RETRY_MINUTES[attempt - 1])
        )
        db.session.add(
            OrderDelivery(
                task_id=task_id,
                channel=item.channel,
                recipient=item.recipient[:254],
                attempt=attempt,
                attempted_at=now,
                outcome="sent" if result.ok else "failed",
                answer=("" if result.ok else result.summary())[:500],
                retry_at=retry,
                by_user_id=by,
            )
        )
    return any(result.ok for _item, result in sent)


def _deliver(task_id: int, messages: list[Outgoing], attempt: int, by, now: datetime) -> list[dict]:
    """Send each message (outside any transaction: it waits on the network), log it, mark the order sent on a success."""
    db.session.rollback()  # end the read so no snapshot or lock is held while the mail server answers
    results = [(m, send_mail(m.message)) for m in messages]
    if _record(task_id, results, attempt, by, now):
        task = db.session.get(Task, task_id)
        if task.sent_at is None:
            channel = next(m.channel for m, r in results if r.ok)
            mark_sent(task_id, by, channel)
    return [{"channel": m.channel, "recipient": m.recipient, "ok": r.ok, "reason": r.reason} for m, r in results]


def send_order(task_id: int, by: int | None = None, now: datetime | None = None) -> list[dict]:
    """Send (or send again) a confirmed order by the supplier's channels; each outcome is in the delivery log."""
    return _deliver(task_id, outgoing(task_id), 1, by, now or utcnow())


@transactional
def _claim(delivery_id: int) -> bool:
    """Take a due retry for this process; another process running the same job finds it taken."""
    taken = db.session.execute(
        update(OrderDelivery)
        .where(OrderDelivery.id == delivery_id, OrderDelivery.retry_at.is_not(None))
        .values(retry_at=None)
    )
    return taken.rowcount == 1


def retry_order_deliveries(now: datetime | None = None) -> dict:
    """The scheduler's job: try again every failed delivery whose time has come (a cancelled order is left)."""
    now = now or utcnow()
    due = db.session.execute(
        select(OrderDelivery.id, OrderDelivery.task_id, OrderDelivery.channel, OrderDelivery.attempt)
        .where(OrderDelivery.retry_at.is_not(None), OrderDelivery.retry_at <= now)
        .order_by(OrderDelivery.id)
    ).all()
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    for delivery_id, task_id, channel, attempt in due:
        if not _claim(delivery_id):
            continue
        try:
            messages = outgoing(task_id, only=channel)
        except (Conflict, InvalidInput):
            counts["skipped"] += 1  # cancelled, received, or its channel changed: nothing to retry
            continue
        for result in _deliver(task_id, messages, attempt + 1, None, now):
            counts["sent" if result["ok"] else "failed"] += 1
    return counts


def delivery_log(task_id: int) -> list[dict]:
    """Every attempt of the order, newest first."""
    rows = db.session.scalars(
        select(OrderDelivery).where(OrderDelivery.task_id == task_id).order_by(OrderDelivery.id.desc())
    )
    return [
        {
            "at": d.attempted_at.isoformat(),
            "channel": d.channel,
            "recipient": d.recipient,
            "attempt": d.attempt,
            "outcome": d.outcome,
            "answer": d.answer,
            "retry_at": d.retry_at.isoformat() if d.retry_at else None,
        }
        for d in rows
    ]


def retry_fields() -> dict | None:
    """Cron fields for the retry job: every minute while a failed delivery waits for its next try, else none."""
    waiting = db.session.scalar(select(OrderDelivery.id).where(OrderDelivery.retry_at.is_not(None)).limit(1))
    return {"minute": "*"} if waiting else None
