from services.notify.app import create_app
from services.notify.settings import NotifySettings
from shared.channels import load_channels
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings
from shared.startup import check_connections


def main() -> None:
    settings = load_settings(NotifySettings)
    channels = load_channels(need_secret=False, need_token=True)
    configure_logging("notify", settings.log_level)
    check_connections(
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers,
        database_url=settings.database_url,
    )
    serve(create_app(settings, channels), host=settings.http_host, port=settings.notify_port)


if __name__ == "__main__":
    main()
