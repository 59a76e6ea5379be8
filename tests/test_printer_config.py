"""Printer addresses: every kind parses and round-trips; bad ones say what is wrong."""

from __future__ import annotations

import pytest

from receipts.errors import PrinterConfigError
from receipts.printers import parse_printer
from resources.i18n import set_language


@pytest.mark.parametrize(
    "address",
    [
        "tcp://127.0.0.1:9100",
        "tcp://printer.local",
        "192.168.1.50:9100",
        "tcp://[::1]:9100",
        "usb:04b8:0202?paper=58",
        "serial:/dev/ttyUSB0?baud=19200",
        "serial:COM3?baud=9600",
        "win32:EPSON TM-T82",
        "cups:TM_T20?mode=codepage&codepage=22",
        "file:/dev/usb/lp0?cut=none&status=off",
        "tcp://10.0.0.9:9100?drawer_pin=5&pulse=120&timeout=15&cut=full",
    ],
)
def test_addresses_parse_and_round_trip(address: str) -> None:
    config = parse_printer(address)
    assert parse_printer(config.to_string()) == config


def test_settings_are_read() -> None:
    c = parse_printer("tcp://10.0.0.9?paper=58&mode=codepage&codepage=21&drawer_pin=5&pulse=120&timeout=15")
    assert (c.target, c.port, c.timeout_s) == ("10.0.0.9", 9100, 15.0)
    s = c.settings
    assert (s.paper, s.thai_mode, s.codepage, s.drawer_pin, s.drawer_pulse_ms, s.dots) == (
        58,
        "codepage",
        21,
        5,
        120,
        384,
    )
    assert parse_printer("usb:04b8:0202").vendor_id == 0x04B8
    assert not parse_printer("file:/tmp/x").answers_status


@pytest.mark.parametrize(
    ("address", "msgid_part"),
    [
        ("", "No printer address"),
        ("printer", "is not a printer address"),
        ("tcp://", "is not host:port"),
        ("tcp://bad host:9100", "is not a host name"),
        ("tcp://h:70000", "The port must be"),
        ("usb:xyz", "is not a USB id"),
        ("serial:/dev/ttyS0?baud=12345", "The baud rate"),
        ("cups:", "names no device"),
        ("tcp://h?paper=57", "Paper width"),
        ("tcp://h?drawer_pin=3", "drawer pin"),
        ("tcp://h?pulse=0", "drawer pulse"),
        ("tcp://h?mode=thai", "Thai mode"),
        ("tcp://h?timeout=0", "The timeout"),
        ("tcp://h?timeout=soon", "is not a number"),
        ("tcp://h?colour=red", "Unknown printer setting"),
    ],
)
def test_bad_addresses_say_what_is_wrong(address: str, msgid_part: str) -> None:
    with pytest.raises(PrinterConfigError) as info:
        parse_printer(address)
    assert msgid_part in info.value.msgid
    set_language("th")
    assert info.value.message != info.value.msgid.format(**info.value.params)  # translated into Thai
    set_language("en")
    assert msgid_part in info.value.message
    set_language("th")
