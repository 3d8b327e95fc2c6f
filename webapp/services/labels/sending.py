"""Labels sent to a printer's raw TCP port (9100): all of the ZPL taken, or a refusal that says the printer is down."""

import socket

from ...errors import Conflict
from ..core import record_change, transactional
from .documents import LabelJob
from .printers import get_printer

PRINT_TIMEOUT = 5.0  # seconds to connect and to hand over each chunk: someone stands at the printer


def send_zpl(host: str, port: int, data: bytes, *, timeout: float = PRINT_TIMEOUT) -> None:
    """Connect, send every byte and close our side (EOF tells the printer the job is whole); OSError if not."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)


def print_job(user_id: int | None, job: LabelJob, *, timeout: float = PRINT_TIMEOUT) -> None:
    """Send a job to its printer, then record the print; a printer that does not take it all records nothing."""
    printer = get_printer(job.printer_id, active=True)
    try:
        send_zpl(printer.host, printer.port, job.zpl, timeout=timeout)
    except OSError as exc:
        raise Conflict(
            f"The printer {printer.name} ({printer.host}:{printer.port}) did not take the labels: {exc}.",
            code="printer_unreachable",
            fields={"printer": printer.name, "address": f"{printer.host}:{printer.port}"},
        ) from None
    _record_print(user_id, printer.id, printer.name, job)


@transactional
def _record_print(user_id: int | None, printer_id: int, name: str, job: LabelJob) -> None:
    printed = {"label_kind": (None, job.kind), "printed_for": (None, job.target), "labels": (None, job.labels)}
    record_change(user_id, "label_printer", printer_id, name, printed, "print")
