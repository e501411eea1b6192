from services.triage.app import create_app
from services.triage.classifier import classify
from services.triage.model import ModelError
from services.triage.settings import TriageSettings
from services.triage.vectors import VectorsError
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import SettingsError, load_settings
from shared.startup import check_connections


def check_classifier() -> None:
    """Exit with a message naming the file if the model or the word vectors cannot be read."""
    try:
        classify("起動時の確認です")
    except (ModelError, VectorsError) as error:
        raise SettingsError(str(error)) from None


def main() -> None:
    settings = load_settings(TriageSettings)
    configure_logging("triage", settings.log_level)
    check_classifier()
    check_connections(
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers,
    )
    serve(create_app(settings), host=settings.http_host, port=settings.triage_port)


if __name__ == "__main__":
    main()
