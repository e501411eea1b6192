from services.intake.app import create_app
from services.intake.settings import IntakeSettings
from shared.channels import load_channels
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings
from shared.startup import check_connections


def main() -> None:
    settings = load_settings(IntakeSettings)
    channels = load_channels(need_secret=True, need_token=False)
    configure_logging("intake", settings.log_level)
    check_connections(
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers,
        database_url=settings.database_url,
    )
    serve(create_app(settings, channels), host=settings.http_host, port=settings.intake_port)


if __name__ == "__main__":
    main()
