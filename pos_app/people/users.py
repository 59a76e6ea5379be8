"""People: PINs hashed with Argon2, log-in, who may log in at a till."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from db.models import ROLES, User, database
from pos_app.errors import AuthError, InputError

_hasher = PasswordHasher()
PIN_MIN, PIN_MAX = 4, 8


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


def hash_pin(pin: str) -> str:
    return _hasher.hash(check_pin_format(pin))


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


def login(login_name: str, pin: str) -> Actor:
    """The Actor for a correct PIN; :class:`AuthError` (nothing else happens) for a wrong one."""
    user = User.get_or_none((User.login == login_name) & (User.active == True))  # noqa: E712
    if user is None:
        raise AuthError("Unknown user {login}", login=login_name)
    try:
        _hasher.verify(user.pin_hash, pin.strip())
    except (VerificationError, InvalidHashError):
        raise AuthError("Wrong PIN. Please try again.") from None
    return _actor(user)
