from pydantic import Field

from shared.settings import CommonSettings


class ReferralSettings(CommonSettings):
    database_url: str = Field(description="PostgreSQL URL; referral keeps its records there.")
    referral_port: int = 8083
