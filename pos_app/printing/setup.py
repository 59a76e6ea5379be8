"""Each till's receipt printer: where it is, how it prints, and what it adds to the paper.

Kept in the database (``till_printer``, one row per till), so the admin can set a till up from the
settings screen and the worker of that till reads the same row.  The connection and print settings are one
``receipts.printers`` address string (``tcp://192.168.1.50:9100?paper=58&cut=full``).  Thai code-page text
is accepted only for a code page whose self-test the admin saw print right; raster is the default.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from db.models import Till, database
from db.models.printing import TillPrinter
from pos_app.clock import utc_now
from pos_app.errors import InputError, NotFound
from pos_app.people.permissions import Action, require
from pos_app.people.users import Actor
from pos_app.trust import audit
from receipts.errors import DocumentError, PrinterConfigError, PrinterError, PrinterRefused, PrinterTimeout
from receipts.printers import PrinterConfig, parse_printer
from resources.i18n import TranslatedError

MAX_LOGO_BYTES = 2_000_000  # a logo is a small picture; a phone photo is refused with a clear message
MAX_LINES = 6
MAX_LINE_CHARS = 64
KEEP = b"keep"
# What a printer that never answers DLE EOT looks like before the job: try it once more without the check.
SILENT = (
    "The printer at {address} did not answer within {seconds} seconds",
    "The device at {address} closed the connection without answering: is it a receipt printer?",
)  # pass as ``logo`` to keep the stored one


@dataclass(frozen=True)
class PrinterSetup:
    till_id: int
    config: PrinterConfig
    answers_status: bool | None  # None: never tested
    codepage_tested: int | None
    logo: bytes | None
    header: str
    footer: str
    drawer: bool

    @property
    def address(self) -> str:
        return self.config.to_string()

    @property
    def effective(self) -> PrinterConfig:
        """The config the worker prints with: no status check on a printer the test found silent."""
        if self.answers_status is False and self.config.check_status:
            return replace(self.config, check_status=False)
        return self.config


def _input_error(err: TranslatedError) -> InputError:
    return InputError(err.msgid, **err.params)


def printer_of_till(till_id: int) -> PrinterSetup | None:
    row = TillPrinter.get_or_none(TillPrinter.till == till_id)
    if row is None:
        return None
    try:
        config = parse_printer(row.address)
    except PrinterConfigError:
        return None
    return PrinterSetup(till_id, config, row.answers_status, row.codepage_tested,
                        bytes(row.logo) if row.logo else None, row.header, row.footer, bool(row.drawer))


def windows_printers() -> tuple[list[str], str]:
    """The printers Windows knows and its default one (empty lists elsewhere, or without pywin32)."""
    try:
        import win32print  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return [], ""
    try:
        flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
        names = [str(p[2]) for p in win32print.EnumPrinters(flags)]
        return names, str(win32print.GetDefaultPrinter())
    except Exception:  # the spooler service is stopped: the admin types the name
        return [], ""


def parse_address(address: str) -> PrinterConfig:
    """The printer address, or :class:`InputError` with the receipts' Thai message."""
    try:
        return parse_printer(address)
    except PrinterConfigError as err:
        raise _input_error(err) from err


def check_logo(data: bytes) -> bytes:
    """A logo as stored: checked (an image, not huge), greyscale PNG at most 576 dots wide."""
    if not data:
        raise InputError("The logo file is empty")
    from PIL import Image  # loaded when a logo is checked, not when the till starts

    from receipts.document import Logo
    from receipts.graphics import logo_image
    if len(data) > MAX_LOGO_BYTES:
        raise InputError("The logo file is too big ({size} KB); use a picture under {most} KB",
                         size=len(data) // 1000, most=MAX_LOGO_BYTES // 1000)
    try:
        logo_image(Logo(data, 1.0), 576)  # refuses what is not a picture, or a giant one
    except DocumentError as err:
        raise _input_error(err) from err
    img = Image.open(io.BytesIO(data)).convert("RGBA")
    flat = Image.new("RGBA", img.size, (255, 255, 255, 255))
    flat.alpha_composite(img)
    grey = flat.convert("L")
    if grey.width > 576:
        grey = grey.resize((576, max(1, round(grey.height * 576 / grey.width))), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    grey.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _lines(text: str, what: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > MAX_LINES:
        raise InputError("The {what} may have at most {most} lines", what=what, most=MAX_LINES)
    for line in lines:
        if len(line) > MAX_LINE_CHARS:
            raise InputError("A line of the {what} is longer than {most} letters: “{line}”",
                             what=what, most=MAX_LINE_CHARS, line=line[:20] + "…")
    return "\n".join(lines)


def save_printer(actor: Actor, till_id: int, address: str, *, header: str = "", footer: str = "",
                 logo: bytes | None = KEEP, drawer: bool = True) -> PrinterSetup:
    """Set (or change) the printer of ``till_id``.  Bad input raises :class:`InputError`; nothing changes."""
    from resources.i18n import _

    require(actor.role, Action.SETTINGS)
    if not Till.select().where(Till.id == till_id).exists():
        raise NotFound("No till with id {id}", id=till_id)
    config = parse_address(address)
    head = _lines(header, _("header"))
    foot = _lines(footer, _("footer"))
    stored = logo if logo is None or logo == KEEP else check_logo(logo)
    with database.atomic():
        row = TillPrinter.get_or_none(TillPrinter.till == till_id)
        s = config.settings
        tested = row.codepage_tested if row is not None else None
        if s.thai_mode == "codepage" and (s.codepage is None or s.codepage != tested):
            raise InputError("Thai code page {codepage} has not passed a self-test on this printer; "
                             "print the test page in code-page mode and confirm it first",
                             codepage=s.codepage if s.codepage is not None else "-")
        same_printer = row is not None and _same_device(row.address, config)
        values = dict(address=config.to_string(), header=head, footer=foot, drawer=drawer,
                      updated_at=utc_now(), updated_by=actor.user_id)
        if stored != KEEP:
            values["logo"] = stored
        if row is None:
            TillPrinter.insert(till=till_id, **values).execute()
        else:
            if not same_printer:
                values.update(answers_status=None, codepage_tested=None)  # a new printer: test it again
            TillPrinter.update(**values).where(TillPrinter.till == till_id).execute()
        audit.log("setting_change", actor.user_id, subject="receipt printer", till_id=till_id,
                  address=config.to_string(), header=head, footer=foot, drawer=drawer,
                  logo="unchanged" if stored == KEEP else "removed" if stored is None else "new")
    result = printer_of_till(till_id)
    assert result is not None
    return result


def _same_device(stored: str, config: PrinterConfig) -> bool:
    try:
        return parse_printer(stored).address == config.address
    except PrinterConfigError:
        return False


@dataclass(frozen=True)
class SelfTestResult:
    printed: bool
    answers_status: bool | None
    error: PrinterError | PrinterConfigError | None = None


def print_test_page(actor: Actor, till_id: int, config: PrinterConfig | None = None) -> SelfTestResult:
    """Print the self-test page on the till's printer (or on ``config`` before it is saved) and find out
    whether the printer answers status (DLE EOT).  A printer that does not is tried once more without the
    check; the finding is stored for the till when ``config`` is the saved printer."""
    require(actor.role, Action.SETTINGS)
    saved = printer_of_till(till_id)
    if config is None:
        if saved is None:
            raise InputError("No printer is set up for this till")
        config = saved.config
    from receipts.connection import print_receipt  # python-escpos: loaded for a test page, not at start
    from receipts.selftest import self_test_receipt

    page = self_test_receipt(config)
    answers: bool | None
    try:
        if config.answers_status:
            try:
                print_receipt(config, page)
                answers = True
            except (PrinterTimeout, PrinterRefused) as err:
                if err.started or err.msgid not in SILENT:
                    raise  # it answered: paper out, cover open, garbage — not a silent printer
                print_receipt(replace(config, check_status=False), page)
                answers = False
        else:
            print_receipt(config, page)
            answers = None if config.kind in ("win32", "cups", "file") else False
    except (PrinterError, PrinterConfigError) as err:
        return SelfTestResult(False, None, err)
    if saved is not None and saved.config.address == config.address:
        with database.atomic():
            TillPrinter.update(answers_status=answers).where(TillPrinter.till == till_id).execute()
    return SelfTestResult(True, answers)


def confirm_codepage(actor: Actor, till_id: int, codepage: int) -> None:
    """The admin saw the code-page self-test print Thai right: code-page mode may now be chosen."""
    require(actor.role, Action.SETTINGS)
    if not 0 <= codepage <= 255:
        raise InputError("The code page number must be 0 to 255, not {value}", value=codepage)
    with database.atomic():
        if not TillPrinter.update(codepage_tested=codepage).where(TillPrinter.till == till_id).execute():
            raise InputError("No printer is set up for this till")
        audit.log("setting_change", actor.user_id, subject="printer code page tested", till_id=till_id,
                  codepage=codepage)
