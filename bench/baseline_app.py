"""The baseline: a bare Sanic hello-world, run with the same worker count as the API.

    sanic baseline_app:app --host 127.0.0.1 --port PORT --workers 2 --no-access-logs --no-motd

Every API scenario is reported as a fraction of this: it is what Sanic itself costs on this machine,
with the load generator sharing the same cores.
"""

from sanic import Request, Sanic, json
from sanic.response import HTTPResponse

app = Sanic("bench_baseline")


@app.get("/")
async def hello(request: Request) -> HTTPResponse:
    return json({"hello": "world"})
