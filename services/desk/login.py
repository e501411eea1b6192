"""Checking a login and password, shared by POST /api/login and the console's login form."""

import asyncpg

from services.desk import accounts, credentials


class LoginRejected(Exception):
    """A login that failed; `reason` is unknown_login, wrong_password or inactive."""

    def __init__(self, reason: str, account_id: object | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.account_id = account_id


# Verified against when a login matches no account, so that an unknown login takes as long
# to reject as a wrong password and the response time does not reveal which logins exist.
_unknown_login_hash: str | None = None


async def check_login(pool: asyncpg.Pool, *, login: str, password: str) -> asyncpg.Record:
    """Return the active account whose login and password match, or raise LoginRejected.

    An unknown login is verified against a dummy hash, so it takes as long to reject as a
    wrong password. A hash made with older argon2 parameters is replaced on success.
    """
    account = await accounts.find_login(pool, login)
    if account is None or account["password_hash"] is None:
        await accounts.verify_password(await _unknown_login_hash_value(), password)
        raise LoginRejected("unknown_login", None)
    if not await accounts.verify_password(account["password_hash"], password):
        raise LoginRejected("wrong_password", account["account_id"])
    if not account["active"]:
        raise LoginRejected("inactive", account["account_id"])
    if accounts.needs_rehash(account["password_hash"]):
        new_hash = await accounts.hash_password(password)
        await accounts.replace_password_hash(
            pool, account_id=account["account_id"], password_hash=new_hash
        )
    return account


async def _unknown_login_hash_value() -> str:
    global _unknown_login_hash
    if _unknown_login_hash is None:
        _unknown_login_hash = await accounts.hash_password(credentials.new_secret())
    return _unknown_login_hash
