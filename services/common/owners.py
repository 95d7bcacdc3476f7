"""Who may stop, resume or delete a piece of work: the browser session that started it, or an instructor.

A browser keeps a random secret token (a cookie); work records only a hash of it, so
nothing saved, shown or exported can be used to act as its owner. Work saved without an
owner (made before owners were recorded) can be managed by an instructor only.
"""

import hashlib
import secrets
from dataclasses import dataclass

from services.common.errors import UserError

TOKEN_BYTES = 16


def new_token() -> str:
    return secrets.token_hex(TOKEN_BYTES)


def is_token(value: str | None) -> bool:
    return bool(value) and len(value) == 2 * TOKEN_BYTES and all(c in "0123456789abcdef" for c in value)


@dataclass(frozen=True)
class Actor:
    """The person behind a request: the hash of their browser's token, and whether they teach."""

    owner: str
    instructor: bool = False

    @classmethod
    def from_token(cls, token: str, instructor: bool = False) -> "Actor":
        return cls(hashlib.sha256(token.encode()).hexdigest()[:32], instructor)

    def may_manage(self, owner: str | None) -> bool:
        return self.instructor or (owner is not None and secrets.compare_digest(owner, self.owner))

    def check(self, owner: str | None) -> None:
        """Raise ``UserError("common.not_yours")`` unless this actor may manage work of ``owner``."""
        if not self.may_manage(owner):
            raise UserError("common.not_yours")


def instructor_password_ok(typed: str, configured: str | None) -> bool:
    return bool(configured) and secrets.compare_digest(typed.encode(), str(configured).encode())
