"""Ownership: only the session that started a piece of work, or an instructor, may manage it."""

import pytest

from services.common import owners
from services.common.errors import UserError


def test_a_token_is_never_what_is_recorded():
    token = owners.new_token()
    actor = owners.Actor.from_token(token)
    assert owners.is_token(token) and token not in actor.owner and len(actor.owner) == 32
    assert owners.Actor.from_token(token) == actor  # the same browser, the same owner


def test_only_the_owner_or_an_instructor_may_manage():
    alice, bob = (owners.Actor.from_token(owners.new_token()) for _ in range(2))
    teacher = owners.Actor.from_token(owners.new_token(), instructor=True)
    assert alice.may_manage(alice.owner) and not bob.may_manage(alice.owner)
    assert teacher.may_manage(alice.owner) and teacher.may_manage(None)
    assert not alice.may_manage(None)  # work saved before owners were recorded
    with pytest.raises(UserError) as caught:
        bob.check(alice.owner)
    assert caught.value.key == "common.not_yours"


@pytest.mark.parametrize("value", [None, "", "x" * 32, "A" * 32, "0" * 31, "0" * 33])
def test_only_well_formed_tokens_are_taken_from_a_cookie(value):
    assert not owners.is_token(value)


def test_instructor_password():
    assert owners.instructor_password_ok("secret", "secret")
    assert not owners.instructor_password_ok("guess", "secret")
    assert not owners.instructor_password_ok("", None) and not owners.instructor_password_ok("", "")
