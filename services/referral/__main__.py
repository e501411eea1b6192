from services.referral.app import create_app
from services.referral.settings import ReferralSettings
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings


def main() -> None:
    settings = load_settings(ReferralSettings)
    configure_logging("referral", settings.log_level)
    serve(create_app(settings), host=settings.http_host, port=settings.referral_port)


if __name__ == "__main__":
    main()
