from services.notify.app import create_app
from services.notify.settings import NotifySettings
from shared.channels import load_channels
from shared.http import serve
from shared.logging import configure_logging
from shared.settings import load_settings


def main() -> None:
    settings = load_settings(NotifySettings)
    channels = load_channels(need_secret=False, need_token=True)
    configure_logging("notify", settings.log_level)
    serve(create_app(settings, channels), host=settings.http_host, port=settings.notify_port)


if __name__ == "__main__":
    main()
