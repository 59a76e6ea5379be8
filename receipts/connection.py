"""Open, send, close: one print job to one printer through python-escpos, errors mapped to a small set.

The job is made in full before the printer is opened.  On connections that can read an answer (tcp, usb,
serial) the printer is asked for its status (DLE EOT 1) first, so a device that answers garbage or nothing
gets no receipt at all, and again after the job, so a connection lost halfway is noticed.  Nothing here
retries or queues: the print outbox does.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING, Any

from receipts.errors import (
    PrinterConfigError,
    PrinterDropped,
    PrinterError,
    PrinterOffline,
    PrinterRefused,
    PrinterTimeout,
    ReceiptError,
)
from receipts.printers import PrinterConfig

if TYPE_CHECKING:
    from receipts.document import Receipt

STATUS_PRINTER = b"\x10\x04\x01"  # DLE EOT 1: printer status
STATUS_OFFLINE = b"\x10\x04\x02"  # DLE EOT 2: offline cause
_DROP = (errno.EPIPE, errno.ECONNRESET, errno.ECONNABORTED, errno.ENOTCONN, errno.ESHUTDOWN)


def print_receipt(config: PrinterConfig, receipt: Receipt) -> None:
    """Render ``receipt`` for this printer (all of it, before connecting) and send it."""
    from receipts.render import render_escpos

    send(config, render_escpos(receipt, config.settings))


def make_printer(config: PrinterConfig) -> Any:
    """The python-escpos printer object for ``config`` (not opened yet)."""
    from escpos import printer as ep  # python-escpos (~1 s to import): loaded when a till first prints

    from receipts.escpos_out import profile

    prof = profile(config.settings.dots)
    t = config.timeout_s
    if config.kind == "tcp":
        return ep.Network(host=config.target.strip("[]"), port=config.port, timeout=t, profile=prof)
    if config.kind == "usb":
        return ep.Usb(config.vendor_id, config.product_id, timeout=int(t * 1000), profile=prof)
    if config.kind == "serial":
        return ep.Serial(devfile=config.target, baudrate=config.baudrate, timeout=t, profile=prof)
    if config.kind == "win32":
        return ep.Win32Raw(printer_name=config.target, profile=prof)
    if config.kind == "cups":
        if ep.CupsPrinter.is_usable():
            return ep.CupsPrinter(printer_name=config.target, profile=prof)
        return ep.LP(printer_name=config.target, profile=prof)
    return ep.File(devfile=config.target, profile=prof)


def send(config: PrinterConfig, job: bytes) -> None:
    """Send a whole job (ESC/POS bytes) to the printer, or raise a :class:`PrinterError` subclass."""
    printer = make_printer(config)
    started = False
    try:
        _open(printer, config)
        if config.answers_status:
            _check_status(printer, config, started=False)
        started = True
        printer._raw(job)
        if hasattr(printer, "send") and config.kind == "cups":
            printer.send()  # CupsPrinter buffers until told to send
        if config.answers_status:
            _check_status(printer, config, started=True)
    except PrinterError as err:
        err.started = started
        raise
    except ReceiptError:
        raise
    except Exception as exc:
        raise _mapped(exc, config, started) from exc
    finally:
        _close(printer)


def _open(printer: Any, config: PrinterConfig) -> None:
    try:
        printer.open()
    except RuntimeError as exc:  # python-escpos: a dependency (pyusb, pyserial, pycups, pywin32) is missing
        raise PrinterConfigError(
            "This computer cannot use {kind} printers: {detail}", kind=config.kind, detail=str(exc)
        ) from exc
    except Exception as exc:
        cause = exc.__context__ if isinstance(exc.__context__, OSError) else None
        if isinstance(cause, TimeoutError):
            raise PrinterTimeout(
                "The printer at {address} did not answer within {seconds} seconds",
                address=config.address,
                seconds=_seconds(config),
            ) from exc
        raise PrinterOffline(
            "The printer at {address} cannot be reached: is it switched on and connected? ({detail})",
            address=config.address,
            detail=_detail(cause or exc),
        ) from exc
    if config.kind == "serial" and getattr(printer, "device", None) is not None:
        printer.device.write_timeout = config.timeout_s


def _check_status(printer: Any, config: PrinterConfig, started: bool) -> None:
    printer._raw(STATUS_PRINTER)
    answer = _read(printer, config, started)
    if not answer:
        if started:
            raise PrinterDropped(
                "The connection to the printer at {address} was lost during printing; "
                "part of the receipt may have printed",
                address=config.address,
            )
        raise PrinterRefused(
            "The device at {address} closed the connection without answering: is it a receipt printer?",
            address=config.address,
        )
    status = answer[-1]
    if status & 0x93 != 0x12:
        raise PrinterRefused(
            "The device at {address} answered something that is not a printer status: "
            "is it a receipt printer?",
            address=config.address,
        )
    if status & 0x08:
        printer._raw(STATUS_OFFLINE)
        cause = _read(printer, config, started)
        bits = cause[-1] if cause and cause[-1] & 0x93 == 0x12 else 0
        if bits & 0x04:
            raise PrinterRefused("The printer at {address} has its cover open", address=config.address)
        if bits & 0x20:
            raise PrinterRefused("The printer at {address} is out of paper", address=config.address)
        raise PrinterRefused(
            "The printer at {address} is offline or reports an error", address=config.address
        )


def _read(printer: Any, config: PrinterConfig, started: bool) -> bytes:
    try:
        data = bytes(printer._read())
    except TimeoutError as exc:
        raise _timeout(config, started) from exc
    except OSError as exc:
        raise _mapped(exc, config, started) from exc
    except Exception as exc:  # pyusb's USBTimeoutError and friends
        if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
            raise _timeout(config, started) from exc
        raise _mapped(exc, config, started) from exc
    if not data and config.kind in ("serial", "usb"):
        raise _timeout(config, started)  # these return nothing when the time is up
    return data


def _timeout(config: PrinterConfig, started: bool) -> PrinterTimeout:
    if started:
        return PrinterTimeout(
            "The printer at {address} stopped answering for {seconds} seconds during printing; "
            "part of the receipt may have printed",
            address=config.address,
            seconds=_seconds(config),
        )
    return PrinterTimeout(
        "The printer at {address} did not answer within {seconds} seconds",
        address=config.address,
        seconds=_seconds(config),
    )


def _mapped(exc: BaseException, config: PrinterConfig, started: bool) -> PrinterError:
    if isinstance(exc, TimeoutError):
        err: PrinterError = _timeout(config, started)
    elif isinstance(exc, OSError) and (
        exc.errno in _DROP or isinstance(exc, BrokenPipeError | ConnectionError)
    ):
        if started:
            err = PrinterDropped(
                "The connection to the printer at {address} was lost during printing; "
                "part of the receipt may have printed",
                address=config.address,
            )
        else:
            err = PrinterRefused(
                "The device at {address} closed the connection without answering: is it a receipt printer?",
                address=config.address,
            )
    else:
        err = PrinterOffline(
            "The printer at {address} cannot be reached: is it switched on and connected? ({detail})",
            address=config.address,
            detail=_detail(exc),
        )
    err.started = started
    return err


def _close(printer: Any) -> None:
    try:
        printer.close()
    except Exception:  # closing a dead connection must not hide the error that killed it
        pass
    printer._device = False  # python-escpos closes again in __del__


def _seconds(config: PrinterConfig) -> str:
    return f"{config.timeout_s:g}"


def _detail(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__
