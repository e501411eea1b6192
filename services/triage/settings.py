from shared.settings import CommonSettings


class TriageSettings(CommonSettings):
    triage_port: int = 8082
