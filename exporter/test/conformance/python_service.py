#!/usr/bin/env python3
"""A small AlphaPulse-style Python service for the conformance test: it builds its payloads in Python (dataclasses,
datetime, float('nan'), nested dicts, numbers as strings) and writes them with json.dumps itself, over http.server.
Serves /<case>/health and /<case>/stats on 127.0.0.1; prints its port on the first line of stdout."""
import dataclasses
import datetime as dt
import json
import math
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STARTED = dt.datetime(2026, 11, 25, 14, 29, 58, 120333)  # naive, as datetime.utcnow() gives


@dataclasses.dataclass
class HealthRecord:
    service_name: str
    status: str
    uptime: float
    last_heartbeat: dt.datetime
    error_count: int
    warning_count: int
    dependencies: list
    performance_metrics: dict


def to_json(obj):
    # What a FastAPI app without a response model does for datetimes: isoformat(), no zone.
    return json.dumps(obj, default=lambda o: o.isoformat() if isinstance(o, dt.datetime) else str(o))


def payloads():
    engine = HealthRecord("trading_engine", "healthy", 86412.5, STARTED, 3, 41, ["risk_manager", "exchange_api"],
                          {"orders": {"queue": 4, "latency_seconds": 0.0042}, "mode": "live", "drift": float("nan")})
    return {
        "py_dataclass_service": {
            "health": to_json(dataclasses.asdict(engine)),
            "stats": to_json({"service_name": "trading_engine", "version": "3.0.0", "timestamp": STARTED,
                              "cpu_seconds_total": "12.5", "resident_memory_bytes": 1.5e8, "requests_total": 100,
                              "latency_seconds": {"p50": 0.01, "p95": 0.02}, "equity": "250000.75", "fills_total": 7,
                              "open_positions": 2, "strategies_running": 1, "orders": [{"side": "SELL", "status": "Filled", "count": 5}],
                              "strategies": {"mean_reversion": {"equity": 250000.75, "realized_pnl": float("nan"), "unrealized_pnl": 0, "open_positions": 2}},
                              "dependency_calls": [{"dependency": "exchange_api", "requests": 900, "errors": 4, "latency": {"p50": 0.03, "p95": 0.12}}]}),
        },
        "py_status_words": {
            "health": json.dumps({"service_name": "pattern_storage", "status": "DEGRADED ", "uptime": 10, "last_heartbeat": STARTED.timestamp(),
                                  "error_count": 0, "warning_count": 2, "dependencies": ["timescaledb"], "performance_metrics": {}}),
        },
        "py_nan_everywhere": {
            "stats": json.dumps({"service_name": "sentiment_service", "version": "1.2.0", "timestamp": STARTED.isoformat(),
                                 "cpu_seconds_total": math.inf, "resident_memory_bytes": math.nan, "requests_total": 5,
                                 "latency_seconds": {"p50": math.nan, "p95": 0.2}, "sources": {"news": {"messages_processed_total": 3, "api_errors_total": math.nan}},
                                 "scores": [{"symbol": "BTC", "source": "news", "score": -0.25, "confidence": 0.5}]}),
        },
        "py_minimal_record": {
            "health": json.dumps({"service_name": "risk_manager", "status": "ok", "uptime": None}),
        },
    }


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        parts = self.path.strip("/").split("/")
        body = payloads().get(parts[0], {}).get(parts[1] if len(parts) > 1 else "")
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
