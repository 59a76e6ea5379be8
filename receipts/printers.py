"""Which printer, and how to reach it: a small validated config, written as one address string.

::

    tcp://192.168.1.50:9100            a network printer (port 9100 by default); a bare host:port works too
    usb:04b8:0202                      USB vendor:product id (hex); needs libusb (not the default on Windows)
    serial:/dev/ttyUSB0?baud=9600      serial or Bluetooth SPP (COM3 on Windows)
    win32:EPSON TM-T82                 a Windows printer by name, raw bytes through the spooler (Win32Raw)
    cups:TM-T20                        a CUPS printer by name (pycups, or the ``lp`` command)
    file:/dev/usb/lp0                  a device file, or a file to write the job to

Settings follow as a query: ``?paper=58&mode=codepage&codepage=22&cut=full&drawer_pin=5&pulse=120&timeout=15``
(``status=off`` skips the DLE EOT status check on printers that never answer one).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import parse_qsl, quote, unquote

from receipts.errors import PrinterConfigError
from receipts.settings import PrintSettings

Kind = Literal["tcp", "usb", "serial", "win32", "cups", "file"]
KINDS: tuple[Kind, ...] = ("tcp", "usb", "serial", "win32", "cups", "file")
BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_SAFE = "/:\\ "  # kept as they are in names and paths; ? & = % are escaped
DEFAULT_TIMEOUT = 10.0  # seconds; slow printers take several (Odoo went from 3 to 15)
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$|^\[[0-9A-Fa-f:.]+\]$")


@dataclass(frozen=True)
class PrinterConfig:
    kind: Kind
    target: str = ""  # host name, device path, printer name or file path
    port: int = 9100
    vendor_id: int = 0
    product_id: int = 0
    baudrate: int = 9600
    timeout_s: float = DEFAULT_TIMEOUT
    check_status: bool = True  # ask DLE EOT before and after the job (tcp, usb, serial only)
    settings: PrintSettings = field(default_factory=PrintSettings)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise PrinterConfigError("Unknown printer kind “{kind}”", kind=self.kind)
        if self.kind == "tcp":
            if not _HOST.match(self.target):
                raise PrinterConfigError("“{host}” is not a host name or IP address", host=self.target)
            if not 1 <= self.port <= 65535:
                raise PrinterConfigError("The port must be 1 to 65535, not {value}", value=self.port)
        if self.kind == "usb" and not (0 < self.vendor_id <= 0xFFFF and 0 < self.product_id <= 0xFFFF):
            raise PrinterConfigError("A USB printer needs a vendor and product id like usb:04b8:0202")
        if self.kind == "serial" and self.baudrate not in BAUDS:
            raise PrinterConfigError(
                "The baud rate must be one of {choices}", choices=", ".join(str(b) for b in BAUDS)
            )
        if self.kind in ("serial", "win32", "cups", "file") and not self.target.strip():
            raise PrinterConfigError(
                "The printer address “{address}” names no device", address=self.kind + ":"
            )
        if not 0.1 <= self.timeout_s <= 120:
            raise PrinterConfigError(
                "The timeout must be 0.1 to 120 seconds, not {value}", value=self.timeout_s
            )

    @property
    def answers_status(self) -> bool:
        """Whether this connection can read the printer's answer (spoolers and files cannot)."""
        return self.check_status and self.kind in ("tcp", "usb", "serial")

    @property
    def address(self) -> str:
        """The address without settings, as shown to people."""
        if self.kind == "tcp":
            return f"tcp://{self.target}:{self.port}"
        if self.kind == "usb":
            return f"usb:{self.vendor_id:04x}:{self.product_id:04x}"
        if self.kind == "serial":
            return f"serial:{self.target}?baud={self.baudrate}"
        return f"{self.kind}:{self.target}"

    def to_string(self) -> str:
        """The address with every setting that differs from the default; ``parse_printer`` reads it back."""
        s, d = self.settings, PrintSettings()
        params: list[tuple[str, Any]] = []
        if self.kind == "serial":
            params.append(("baud", self.baudrate))
        for key, value, default in (
            ("paper", s.paper, d.paper),
            ("mode", s.thai_mode, d.thai_mode),
            ("codepage", s.codepage, d.codepage),
            ("cut", s.cut, d.cut),
            ("drawer_pin", s.drawer_pin, d.drawer_pin),
            ("pulse", s.drawer_pulse_ms, d.drawer_pulse_ms),
            ("font", s.font_px, d.font_px),
            ("timeout", self.timeout_s, DEFAULT_TIMEOUT),
            ("status", "on" if self.check_status else "off", "on"),
        ):
            if value != default:
                params.append((key, value))
        base = self.address.split("?")[0]
        if self.kind in ("win32", "cups", "file"):
            base = self.kind + ":" + quote(self.target, safe=_SAFE)
        return base + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")


def default_kind() -> Kind:
    return "win32" if sys.platform == "win32" else "cups"


def parse_printer(address: str) -> PrinterConfig:
    """Read a printer address (see the module's doc); a bad one raises :class:`PrinterConfigError`."""
    text = (address or "").strip()
    if not text:
        raise PrinterConfigError("No printer address was given")
    base, _, query = text.partition("?")
    try:
        params = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query)))
    except ValueError as exc:
        raise PrinterConfigError("The settings in “{address}” do not parse", address=text) from exc
    kind, rest = _split_kind(base, text)
    fields: dict[str, Any] = {"kind": kind}
    if kind == "tcp":
        fields.update(_host_port(rest, text))
    elif kind == "usb":
        m = re.fullmatch(r"(?:0x)?([0-9A-Fa-f]{1,4}):(?:0x)?([0-9A-Fa-f]{1,4})", rest)
        if not m:
            raise PrinterConfigError("“{address}” is not a USB id like usb:04b8:0202", address=text)
        fields.update(vendor_id=int(m.group(1), 16), product_id=int(m.group(2), 16))
    else:
        fields["target"] = unquote(rest)
    if kind == "serial":
        fields["baudrate"] = _int(params.pop("baud", "9600"), "baud")
    return _with_settings(fields, params, text)


def _split_kind(base: str, text: str) -> tuple[Kind, str]:
    if base.startswith("tcp://"):
        return "tcp", base[len("tcp://") :]
    for kind in ("usb", "serial", "win32", "cups", "file"):
        if base.startswith(kind + ":"):
            rest = base[len(kind) + 1 :]
            return kind, rest[2:] if kind != "file" and rest.startswith("//") else rest
    if re.fullmatch(r"[A-Za-z0-9.-]+:\d+|\[[0-9A-Fa-f:.]+\]:\d+", base):
        return "tcp", base
    raise PrinterConfigError(
        "“{address}” is not a printer address (tcp://host:9100, usb:04b8:0202, serial:/dev/ttyUSB0, "
        "win32:NAME, cups:NAME or file:/path)",
        address=text,
    )


def _host_port(rest: str, text: str) -> dict[str, Any]:
    m = re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[^:/\[\]]+)(?::(\d{1,5}))?/?", rest)
    if not m:
        raise PrinterConfigError("“{address}” is not host:port like tcp://192.168.1.50:9100", address=text)
    host = m.group(1)
    return {"target": host, "port": int(m.group(2)) if m.group(2) else 9100}


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise PrinterConfigError(
            "The setting {name}={value} is not a whole number", name=name, value=value
        ) from None


def _with_settings(fields: dict[str, Any], params: dict[str, str], text: str) -> PrinterConfig:
    s: dict[str, Any] = {}
    for key, value in params.items():
        if key == "paper":
            s["paper"] = _int(value, key)
        elif key == "mode":
            s["thai_mode"] = value
        elif key == "codepage":
            s["codepage"] = None if value in ("", "none") else _int(value, key)
        elif key == "cut":
            s["cut"] = value
        elif key == "drawer_pin":
            s["drawer_pin"] = _int(value, key)
        elif key == "pulse":
            s["drawer_pulse_ms"] = _int(value, key)
        elif key == "font":
            s["font_px"] = _int(value, key)
        elif key == "timeout":
            try:
                fields["timeout_s"] = float(value)
            except ValueError:
                raise PrinterConfigError(
                    "The setting {name}={value} is not a number", name=key, value=value
                ) from None
        elif key == "status":
            if value not in ("on", "off"):
                raise PrinterConfigError("The setting status must be on or off, not {value}", value=value)
            fields["check_status"] = value == "on"
        else:
            raise PrinterConfigError(
                "Unknown printer setting “{name}” in “{address}”", name=key, address=text
            )
    return PrinterConfig(settings=PrintSettings(**s), **fields)


def with_settings(config: PrinterConfig, **settings: Any) -> PrinterConfig:
    """A copy of ``config`` with some print settings changed (validated)."""
    return replace(config, settings=replace(config.settings, **settings))
