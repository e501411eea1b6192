from services.referral.app import create_app
from services.referral.settings import ReferralSettings
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings
from shared.startup import check_connections


def main() -> None:
    settings = load_settings(ReferralSettings)
    configure_logging("referral", settings.log_level)
    check_connections(
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers,
        database_url=settings.database_url,
    )
    serve(create_app(settings), host=settings.http_host, port=settings.referral_port)


if __name__ == "__main__":
    main()
