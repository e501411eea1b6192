from services.triage.app import create_app
from services.triage.settings import TriageSettings
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings
from shared.startup import check_connections


def main() -> None:
    settings = load_settings(TriageSettings)
    configure_logging("triage", settings.log_level)
    check_connections(
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers,
    )
    serve(create_app(settings), host=settings.http_host, port=settings.triage_port)


if __name__ == "__main__":
    main()
