"""HTTP pieces every service has: health and Prometheus routes, and a uvicorn runner."""

import uvicorn
from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest


def add_operational_routes(app: FastAPI) -> None:
    """Add GET /healthz and GET /metrics to `app`."""

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def serve(app: FastAPI, *, host: str, port: int) -> None:
    """Run `app` until SIGINT or SIGTERM; the app's lifespan closes its broker and pools."""
    config = uvicorn.Config(
        app, host=host, port=port, log_config=None, access_log=False, lifespan="on"
    )
    uvicorn.Server(config).run()
