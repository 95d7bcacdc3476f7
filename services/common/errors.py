"""Typed errors whose text the user reads.

Services never format user-facing text: they raise ``UserError`` with a key of the
translation table and its parameters, and the page shows it in the user's language.
"""


class UserError(Exception):
    def __init__(self, key: str, **params):
        super().__init__(f"{key} {params}" if params else key)
        self.key = key
        self.params = params
