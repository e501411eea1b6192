"""Run the desk service: `python -m services.desk`."""

from services.desk.app import create_app
from services.desk.hours import load_hours_settings
from services.desk.settings import DeskSettings
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings
from shared.startup import check_connections


def main() -> None:
    settings = load_settings(DeskSettings)
    hours = load_hours_settings()
    configure_logging("desk", settings.log_level)
    check_connections(
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers,
        database_url=settings.database_url,
    )
    serve(create_app(settings, hours), host=settings.http_host, port=settings.desk_port)


if __name__ == "__main__":
    main()
