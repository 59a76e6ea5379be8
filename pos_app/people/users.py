"""People: PINs hashed with Argon2, log-in with a growing lock-out, managers' overrides, the admin's
people management.  Every log-in, failed log-in, override and people change is written to the audit log.

Lock-out (per person, kept in the database so it survives a restart): the first
:data:`FREE_TRIES` wrong PINs in a row cost nothing; each further one locks that person out for
:data:`FIRST_DELAY`, doubling each time up to :data:`MAX_DELAY` (30 s, 1 min, 2 min … 15 min).  A locked
person's PIN is not even checked.  The right PIN (or an admin's PIN reset) clears the count.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.models import ROLES, User, database
from db.models.trust import PinLockout
from pos_app.clock import utc_now
from pos_app.errors import AuthError, InputError, NotFound, PermissionDenied
from pos_app.people.permissions import ACTION_LABELS, Action, can, require
from pos_app.trust import audit
from pos_app.trust.retry import write_transaction
from resources.i18n import _

if TYPE_CHECKING:
    from argon2 import PasswordHasher
PIN_MIN, PIN_MAX = 4, 8
FREE_TRIES = 3
FIRST_DELAY = dt.timedelta(seconds=30)
MAX_DELAY = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Actor:
    """The person logged in; every service call that changes the books names one."""

    user_id: int
    uuid: uuid.UUID
    login: str
    display_name: str
    role: str


def _actor(user: User) -> Actor:
    return Actor(user.id, user.uuid, user.login, user.display_name, user.role)


def check_pin_format(pin: str) -> str:
    pin = pin.strip()
    if not pin.isascii() or not pin.isdigit() or not PIN_MIN <= len(pin) <= PIN_MAX:
        raise InputError("A PIN is {low} to {high} digits", low=PIN_MIN, high=PIN_MAX)
    return pin


@functools.cache
def _hasher() -> PasswordHasher:
    """Argon2, loaded at the first PIN (not to show the log-in screen: ~9 ms of the start)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_pin(pin: str) -> str:
    return _hasher().hash(check_pin_format(pin))


def pin_matches(user: User, pin: str) -> bool:
    """The slow check (Argon2, 50–500 ms on purpose)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(user.pin_hash, pin.strip()))
    except (VerificationError, InvalidHashError):
        return False


def create_user(login: str, display_name: str, role: str, pin: str, group_id: int | None = None) -> Actor:
    if role not in ROLES:
        raise InputError("Unknown role {role}", role=role)
    login = login.strip()
    if not login:
        raise InputError("A user needs a name to log in with")
    with database.atomic():
        if User.select().where(User.login == login).exists():
            raise InputError("There is already a user {login}", login=login)
        user = User.create(login=login, display_name=display_name.strip() or login, role=role,
                           pin_hash=hash_pin(pin), group=group_id)
    return _actor(user)


def users_for_login() -> list[Actor]:
    """The active users, for the log-in list, in display order."""
    people = [_actor(u) for u in User.select().where(User.active == True)]  # noqa: E712
    return sorted(people, key=lambda a: (ROLES.index(a.role), a.display_name))


# -- lock-out ---------------------------------------------------------------------------------------------

def delay_after(failures: int) -> dt.timedelta:
    """How long one must wait after ``failures`` wrong PINs in a row."""
    if failures <= FREE_TRIES:
        return dt.timedelta(0)
    return min(FIRST_DELAY * int(2 ** (failures - FREE_TRIES - 1)), MAX_DELAY)


def _refuse_if_locked(subject: str, now: dt.datetime) -> None:
    row = PinLockout.get_or_none(PinLockout.subject == subject)
    if row is not None and row.locked_until is not None and row.locked_until > now:
        seconds = int((row.locked_until - now).total_seconds() + 0.999)
        raise AuthError("Too many wrong PINs. Please wait {seconds} seconds and try again.", seconds=seconds)


def _failed(subject: str, now: dt.datetime) -> int:
    return write_transaction(lambda: _count_failure(subject, now))


def _count_failure(subject: str, now: dt.datetime) -> int:
    PinLockout.insert(subject=subject, failures=0).on_conflict_ignore().execute()
    PinLockout.update(failures=PinLockout.failures + 1).where(PinLockout.subject == subject).execute()
    failures = int(PinLockout.get(PinLockout.subject == subject).failures)
    wait = delay_after(failures)
    PinLockout.update(locked_until=now + wait if wait else None).where(PinLockout.subject == subject).execute()
    return failures


def _cleared(subject: str) -> None:
    PinLockout.delete().where(PinLockout.subject == subject).execute()


def _subject(user: User) -> str:
    return f"user:{uuid.UUID(str(user.uuid))}"


# -- log-in and overrides ---------------------------------------------------------------------------------

def login(login_name: str, pin: str, till_id: int | None = None) -> Actor:
    """The Actor for a correct PIN; :class:`AuthError` (only the audit log and lock-out change) otherwise."""
    now = utc_now()
    user = User.get_or_none((User.login == login_name) & (User.active == True))  # noqa: E712
    if user is None:
        audit.log("login_failed", subject=login_name, till_id=till_id, reason="unknown user")
        raise AuthError("Unknown user {login}", login=login_name)
    try:
        _refuse_if_locked(_subject(user), now)
    except AuthError:
        audit.log("login_locked", user.id, login_name, till_id)
        raise
    if not pin_matches(user, pin):
        failures = _failed(_subject(user), now)
        audit.log("login_failed", user.id, login_name, till_id, failures=failures)
        raise AuthError("Wrong PIN. Please try again.")
    def done() -> None:
        _cleared(_subject(user))
        audit.log("login", user.id, login_name, till_id)

    write_transaction(done)
    return _actor(user)


def authorise(login_or_any_manager: str | None, pin: str, action: Action, till_id: int | None = None,
              for_actor: Actor | None = None, reason: str = "") -> Actor:
    """A manager's override at the till: the PIN of a person who may do ``action`` (named, or ``None`` for
    any active person allowed to).  Records the override (who, for whom, what) in the audit log and returns
    the approving person.  Wrong PINs count towards the lock-out like a log-in."""
    now = utc_now()
    what = action.value
    helped = for_actor.login if for_actor else ""
    if login_or_any_manager:
        user = User.get_or_none((User.login == login_or_any_manager) & (User.active == True))  # noqa: E712
        if user is None:
            audit.log("override_failed", subject=login_or_any_manager, till_id=till_id, action=what, reason="unknown")
            raise AuthError("Unknown user {login}", login=login_or_any_manager)
        subject = _subject(user)
        candidates = [user]
    else:
        subject = f"override:{till_id if till_id is not None else 'any'}"
        candidates = [u for u in User.select().where(User.active == True)  # noqa: E712
                      if can(u.role, action)]
    _refuse_if_locked(subject, now)
    approver = next((u for u in candidates if pin_matches(u, pin)), None)
    if approver is None:
        failures = _failed(subject, now)
        audit.log("override_failed", subject=login_or_any_manager or "", till_id=till_id, action=what,
                  for_user=helped, failures=failures)
        raise AuthError("Wrong PIN. Please try again.")
    if not can(approver.role, action):
        audit.log("override_failed", approver.id, approver.login, till_id, action=what, for_user=helped,
                  reason="not allowed")
        require(approver.role, action)
    def done() -> None:
        _cleared(subject)
        audit.log("override", approver.id, approver.login, till_id, action=what, for_user=helped,
                  reason=reason.strip())

    write_transaction(done)
    return _actor(approver)


# -- the admin's people screen ----------------------------------------------------------------------------

def _person(login_name: str) -> User:
    user = User.get_or_none(User.login == login_name)
    if user is None:
        raise NotFound("No person {login}", login=login_name)
    return user


def add_person(actor: Actor, login_name: str, display_name: str, role: str, pin: str,
               group_id: int | None = None) -> Actor:
    require(actor.role, Action.MANAGE_USERS)
    def add() -> Actor:
        made = create_user(login_name, display_name, role, pin, group_id)
        audit.log("person_added", actor.user_id, made.login, role=role)
        return made

    return write_transaction(add)


def set_active(actor: Actor, login_name: str, active: bool) -> Actor:
    """Deactivate (or bring back) a person: they disappear from the log-in list; their books stay."""
    require(actor.role, Action.MANAGE_USERS)

    def change() -> User:
        user = _person(login_name)
        if not active:
            if user.id == actor.user_id:
                raise InputError("You cannot deactivate yourself")
            admins = User.select().where((User.role == "admin") & (User.active == True))  # noqa: E712
            if user.role == "admin" and admins.count() <= 1:
                raise InputError("The last administrator cannot be deactivated")
        User.update(active=active).where(User.id == user.id).execute()
        audit.log("person_activated" if active else "person_deactivated", actor.user_id, user.login)
        user.active = active
        return user

    return _actor(write_transaction(change))


def reset_pin(actor: Actor, login_name: str, new_pin: str) -> None:
    """Give a person a new PIN (and clear their lock-out)."""
    require(actor.role, Action.MANAGE_USERS)
    hashed = hash_pin(new_pin)

    def reset() -> None:
        user = _person(login_name)
        User.update(pin_hash=hashed).where(User.id == user.id).execute()
        _cleared(_subject(user))
        audit.log("pin_reset", actor.user_id, user.login)

    write_transaction(reset)


@dataclass(frozen=True)
class PersonView:
    login: str
    display_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None


def people() -> list[PersonView]:
    """Everyone, active first, for the admin's people screen."""
    locks = {r.subject: r.locked_until for r in PinLockout.select()}
    rows = [PersonView(u.login, u.display_name, u.role, bool(u.active), locks.get(_subject(u)))
            for u in User.select()]
    return sorted(rows, key=lambda p: (not p.active, ROLES.index(p.role), p.display_name))


def action_label(action: Action) -> str:
    return _(ACTION_LABELS[action])


__all__ = ["Actor", "PermissionDenied", "add_person", "authorise", "login", "people", "reset_pin", "set_active"]
