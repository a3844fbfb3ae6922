#!/usr/bin/env python3
"""Writes the conformance corpus: payloads as AlphaPulse's Python services emit them, with json.dumps itself
(allow_nan=True, the default), dataclasses.asdict, pydantic-style output, naive datetimes, numbers as strings, and
older and newer versions of each kind. Each case gets <name>.json (the body, byte for byte) and <name>.expected
(the sample lines the exporter must produce; `$T` is the case's target labels, a leading `!` means "absent").

Run it again after editing a case: python3 exporter/test/conformance/generate_corpus.py
"""
import dataclasses
import datetime as dt
import json
import math
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
NAIVE = dt.datetime(2026, 11, 25, 14, 29, 58, 120333)  # datetime.utcnow()-style: no tzinfo
AWARE = NAIVE.replace(tzinfo=dt.timezone.utc)
HB = "1795616998.12"  # alphapulse_last_heartbeat_timestamp_seconds of NAIVE/AWARE, as the exporter prints it

cases = []


def case(name, body, expected):
    cases.append((name, body, expected))


def dumps(obj, **kw):
    return json.dumps(obj, **kw)  # allow_nan=True by default: NaN, Infinity, -Infinity


def pydantic_json(obj):
    """Like pydantic v2 model_dump_json(): compact, aware datetimes with Z, floats kept as floats."""
    def default(o):
        if isinstance(o, dt.datetime):
            return o.isoformat().replace("+00:00", "Z")
        raise TypeError(o)
    return json.dumps(obj, separators=(",", ":"), default=default)


@dataclasses.dataclass
class HealthRecord:  # the seed's own dataclass
    service_name: str
    status: str
    uptime: float
    last_heartbeat: dt.datetime
    error_count: int
    warning_count: int
    dependencies: list
    performance_metrics: dict


def health(name, **over):
    record = dict(service_name=name, status="healthy", uptime=86412.5, last_heartbeat=AWARE, error_count=3,
                  warning_count=41, dependencies=["timescaledb"], performance_metrics={"open_websockets": 3})
    record.update(over)
    return record


def common(name, **over):
    stats = dict(service_name=name, version="2.4.1", timestamp=AWARE.isoformat(), cpu_seconds_total=5123.42,
                 resident_memory_bytes=412385280, requests_total=62004, latency_seconds={"p50": 0.01, "p95": 0.05})
    stats.update(over)
    return stats


def iso(record):
    return {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in record.items()}


# ---- GET /health ---------------------------------------------------------------------------------------------
case("trading_engine.health.fastapi_pydantic", pydantic_json(health("trading_engine", dependencies=["risk_manager", "exchange_api"])), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_status{$T,status="healthy"} 1',
    f"alphapulse_last_heartbeat_timestamp_seconds{{$T}} {HB}",
    "alphapulse_service_uptime_seconds{$T} 86412.5",
    "alphapulse_service_errors_total{$T} 3",
    'alphapulse_service_performance_metric{$T,metric="open_websockets"} 3',
    'alphapulse_service_dependency_info{service="trading_engine",dependency="exchange_api"} 1',
    '!alphapulse_target_field_errors{$T,endpoint="health",reason="bad_time"}',
])
case("trading_engine.health.dataclass_asdict_default_str",
     dumps(dataclasses.asdict(HealthRecord("trading_engine", "healthy", 12.0, NAIVE, 0, 1, ["risk_manager"], {"order_latency_seconds": 0.0042})), default=str), [
    "alphapulse_up{$T} 1",
    f"alphapulse_last_heartbeat_timestamp_seconds{{$T}} {HB}",  # str(datetime): "2026-11-25 14:29:58.120333", naive = UTC
    "alphapulse_service_uptime_seconds{$T} 12",
    'alphapulse_service_performance_metric{$T,metric="order_latency_seconds"} 0.0042',
])
case("risk_manager.health.nan_error_count", dumps(iso(health("risk_manager", error_count=math.nan))), [
    "alphapulse_up{$T} 1",
    "!alphapulse_service_errors_total{$T}",
    "alphapulse_service_warnings_total{$T} 41",
    'alphapulse_target_field_errors{$T,endpoint="health",reason="non_finite"} 1',
])
case("pattern_storage.health.nested_metrics", dumps(iso(health("pattern_storage", performance_metrics={
    "db": {"pool": {"used": 3, "size": 10}}, "cache": {"hit_ratio": 0.93}, "mode": "fast", "tags": ["a", "b"], "rows_per_second": 11870}))), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_performance_metric{$T,metric="cache.hit_ratio"} 0.93',
    'alphapulse_service_performance_metric{$T,metric="db.pool.size"} 10',
    'alphapulse_service_performance_metric{$T,metric="db.pool.used"} 3',
    'alphapulse_service_performance_metric{$T,metric="rows_per_second"} 11870',
    '!alphapulse_service_performance_metric{$T,metric="mode"}',
    'alphapulse_target_field_errors{$T,endpoint="health",reason="not_numeric"} 2',
])
case("retrieval_optimizer.health.numbers_as_strings", dumps(iso(health("retrieval_optimizer", uptime="3600", error_count="4", warning_count="0",
    performance_metrics={"qps": "120.5", "p99_seconds": "0.31"}))), [
    "alphapulse_up{$T} 1",
    "alphapulse_service_uptime_seconds{$T} 3600",
    "alphapulse_service_errors_total{$T} 4",
    "alphapulse_service_warnings_total{$T} 0",
    'alphapulse_service_performance_metric{$T,metric="qps"} 120.5',
    '!alphapulse_target_field_errors{$T,endpoint="health",reason="wrong_type"}',
])
case("predictive_optimizer.health.status_ok_uppercase", dumps(iso(health("predictive_optimizer", status=" OK "))), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_status{$T,status="healthy"} 1',
    'alphapulse_service_status{$T,status="unknown"} 0',
])
case("analytics_dashboard.health.status_warning", dumps(iso(health("analytics_dashboard", status="warning"))), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_status{$T,status="degraded"} 1',
    'alphapulse_service_status{$T,status="healthy"} 0',
])
case("alerting_service.health.status_critical", dumps(iso(health("alerting_service", status="CRITICAL"))), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_status{$T,status="down"} 1',
])
case("distributed_processor.health.status_starting", dumps(iso(health("distributed_processor", status="starting"))), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_status{$T,status="unknown"} 1',
    'alphapulse_service_status{$T,status="down"} 0',
    'alphapulse_target_field_errors{$T,endpoint="health",reason="unknown_status"} 1',
])
case("sentiment_service.health.epoch_seconds_heartbeat", dumps(iso(health("sentiment_service", last_heartbeat=AWARE.timestamp()))), [
    "alphapulse_up{$T} 1",
    f"alphapulse_last_heartbeat_timestamp_seconds{{$T}} {HB}",
])
case("trading_engine.health.epoch_milliseconds_heartbeat", dumps(iso(health("trading_engine", last_heartbeat=round(AWARE.timestamp() * 1000)))), [
    f"alphapulse_last_heartbeat_timestamp_seconds{{$T}} {HB}",
])
case("risk_manager.health.offset_heartbeat", dumps(iso(health("risk_manager", last_heartbeat=AWARE.astimezone(dt.timezone(dt.timedelta(hours=2)))))), [
    f"alphapulse_last_heartbeat_timestamp_seconds{{$T}} {HB}",
])
case("pattern_storage.health.minimal_v0", dumps({"service_name": "pattern_storage", "status": "up"}), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_status{$T,status="healthy"} 1',
    "!alphapulse_last_heartbeat_timestamp_seconds{$T}",
    'alphapulse_target_field_errors{$T,endpoint="health",reason="missing"} 6',
])
case("retrieval_optimizer.health.extra_fields_v2", dumps(iso(health("retrieval_optimizer", host="ro-1", pid=4242, build={"commit": "abc", "python": "3.12.1"},
    checks=[{"name": "db", "ok": True}]))), [
    "alphapulse_up{$T} 1",
    "alphapulse_service_uptime_seconds{$T} 86412.5",
    '!alphapulse_target_field_errors{$T,endpoint="health",reason="wrong_type"}',
])
case("trading_engine.health.boolean_metrics", dumps(iso(health("trading_engine", performance_metrics={"exchange_connected": True, "paused": False}))), [
    'alphapulse_service_performance_metric{$T,metric="exchange_connected"} 1',
    'alphapulse_service_performance_metric{$T,metric="paused"} 0',
])
case("sentiment_service.health.non_finite_metrics", dumps(iso(health("sentiment_service", performance_metrics={"lag_seconds": math.inf, "skew": -math.inf, "drift": math.nan}))), [
    "alphapulse_up{$T} 1",
    'alphapulse_service_performance_metric{$T,metric="drift"} NaN',
    'alphapulse_service_performance_metric{$T,metric="lag_seconds"} +Inf',
    'alphapulse_service_performance_metric{$T,metric="skew"} -Inf',
])
case("alerting_service.health.nulls", dumps(iso(health("alerting_service", uptime=None, dependencies=None, performance_metrics=None))), [
    "alphapulse_up{$T} 1",
    "!alphapulse_service_uptime_seconds{$T}",
    "alphapulse_service_errors_total{$T} 3",
    'alphapulse_target_field_errors{$T,endpoint="health",reason="missing"} 3',
])
case("distributed_processor.health.dependencies_mixed", dumps(iso(health("distributed_processor", dependencies=["redis", 3, None, "", "rabbit\n"]))), [
    'alphapulse_service_dependency_info{service="distributed_processor",dependency="rabbit"} 1',
    'alphapulse_service_dependency_info{service="distributed_processor",dependency="redis"} 1',
    'alphapulse_target_field_errors{$T,endpoint="health",reason="wrong_type"} 1',
    'alphapulse_target_field_errors{$T,endpoint="health",reason="out_of_range"} 1',
])
case("risk_manager.health.not_an_object", dumps([iso(health("risk_manager"))]), [
    "alphapulse_up{$T} 0",
    'alphapulse_service_status{$T,status="down"} 1',
    'alphapulse_target_scrape_error{$T,endpoint="health",reason="contract_violation"} 1',
])

# ---- GET /stats ----------------------------------------------------------------------------------------------
case("trading_engine.stats.v1_older", dumps(common("trading_engine", latency_seconds=None, equity=1000000.0, fills_total=12, open_positions=2)), [
    "alphapulse_trading_engine_equity{$T} 1000000",
    "alphapulse_trading_engine_fills_total{$T} 12",
    "alphapulse_service_requests_total{$T} 62004",
    "!alphapulse_trading_engine_strategies_running{$T}",
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="missing"} 4',
    '!alphapulse_target_scrape_error{$T,endpoint="stats",reason="contract_violation"}',
])
case("trading_engine.stats.v3_newer", dumps(common("trading_engine", equity=1046210.55, fills_total=9, open_positions=1, strategies_running=1,
    orders=[{"side": "buy", "status": "filled", "count": 10, "avg_fill_ms": 3.2}],
    strategies={"momentum": {"equity": 500000.5, "realized_pnl": 120.0, "unrealized_pnl": -4.5, "open_positions": 1, "sharpe": 1.4}},
    portfolio={"total_equity": 1046210.55, "currency": "USD"},
    dependency_calls=[{"dependency": "exchange_api", "requests": 1200, "errors": 3,
                       "latency": {"buckets": [{"le": 0.1, "count": 1100}, {"le": math.inf, "count": 1200}], "sum": 60.5, "count": 1200}}])), [
    'alphapulse_trading_engine_orders_total{$T,side="buy",status="filled"} 10',
    'alphapulse_trading_engine_strategy_unrealized_pnl{$T,strategy="momentum"} -4.5',
    'alphapulse_service_dependency_requests_total{$T,dependency="exchange_api"} 1200',
    'alphapulse_service_dependency_errors_total{$T,dependency="exchange_api"} 3',
    'alphapulse_service_dependency_latency_seconds_bucket{$T,dependency="exchange_api",le="0.1"} 1100',
    'alphapulse_service_dependency_latency_seconds_bucket{$T,dependency="exchange_api",le="+Inf"} 1200',
    'alphapulse_service_dependency_latency_seconds_sum{$T,dependency="exchange_api"} 60.5',
    '!alphapulse_target_field_errors{$T,endpoint="stats",reason="missing"}',
])
case("trading_engine.stats.numbers_as_strings", dumps(common("trading_engine", cpu_seconds_total="5123.42", requests_total="62004", equity="1046210.55",
    fills_total="42", open_positions="3", strategies_running="2", orders=[], strategies={})), [
    "alphapulse_service_cpu_seconds_total{$T} 5123.42",
    "alphapulse_service_requests_total{$T} 62004",
    "alphapulse_trading_engine_equity{$T} 1046210.55",
    "alphapulse_trading_engine_fills_total{$T} 42",
    "alphapulse_trading_engine_strategies_running{$T} 2",
])
case("risk_manager.stats.nan_value_at_risk", dumps(common("risk_manager", current_drawdown_ratio=0.02, max_drawdown_ratio=0.08, gross_exposure=1e6, net_exposure=-2e5,
    value_at_risk=math.nan, limit_breaches_total=math.nan, stop_losses_triggered_total=1, position_sizes={"AAPL": 1000.0, "TSLA": -500.0})), [
    "alphapulse_risk_manager_value_at_risk{$T} NaN",
    "!alphapulse_risk_manager_limit_breaches_total{$T}",
    "alphapulse_risk_manager_net_exposure{$T} -200000",
    'alphapulse_risk_manager_position_size{$T,symbol="TSLA"} -500',
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="non_finite"} 1',
])
case("pattern_storage.stats.pydantic", pydantic_json(common("pattern_storage", timestamp=AWARE, patterns_stored_total=1284377, batch_insert_size=500,
    batch_insert_duration_seconds={"p50": 0.04, "p95": 0.11}, rows_per_second=11870.0, compression_ratio=7.4, storage_bytes=18253611008,
    workers_busy=3, workers_total=4)), [
    "alphapulse_pattern_storage_patterns_stored_total{$T} 1284377",
    'alphapulse_pattern_storage_batch_insert_latency_seconds{$T,quantile="0.95"} 0.11',
    "alphapulse_pattern_storage_compression_factor{$T} 7.4",
    "alphapulse_pattern_storage_storage_bytes{$T} 18253611008",
    '!alphapulse_target_field_errors{$T,endpoint="stats",reason="missing"}',
])
case("retrieval_optimizer.stats.quantiles_as_strings", dumps(common("retrieval_optimizer", query_latency_seconds={"p50": "0.012", "p95": "0.09", "p99": "0.31"},
    cache_hits_total=918233, cache_misses_total=101877, cache_hit_ratio="0.9", slow_queries_total=57, index_recommendations_pending=2, auto_tuning_actions_total=14)), [
    'alphapulse_retrieval_optimizer_query_latency_seconds{$T,quantile="0.5"} 0.012',
    'alphapulse_retrieval_optimizer_query_latency_seconds{$T,quantile="0.99"} 0.31',
    "alphapulse_retrieval_optimizer_cache_hit_ratio{$T} 0.9",
])
case("retrieval_optimizer.stats.percent_not_ratio", dumps(common("retrieval_optimizer", cache_hit_ratio=90.0, cache_hits_total=10, cache_misses_total=1)), [
    "!alphapulse_retrieval_optimizer_cache_hit_ratio{$T}",
    "alphapulse_retrieval_optimizer_cache_hits_total{$T} 10",
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="out_of_range"} 1',
])
case("predictive_optimizer.stats.dataclass_datetimes", dumps(common("predictive_optimizer", models={
    "random_forest": {"accuracy": 0.71, "predictions_total": 381220, "prediction_latency_seconds": {"p50": 0.004, "p95": 0.019},
                      "last_retrain_time": NAIVE, "retrain_failures_total": 0}}), default=str), [
    'alphapulse_predictive_optimizer_model_accuracy_ratio{$T,model="random_forest"} 0.71',
    f'alphapulse_predictive_optimizer_last_retrain_timestamp_seconds{{$T,model="random_forest"}} {HB}',
])
case("predictive_optimizer.stats.v1_model_without_latency", dumps(common("predictive_optimizer", models={
    "gradient_boosting": {"accuracy": 0.74, "predictions_total": 402087, "last_retrain_time": "2026-11-25T12:00:03", "retrain_failures_total": 1}})), [
    'alphapulse_predictive_optimizer_predictions_total{$T,model="gradient_boosting"} 402087',
    '!alphapulse_predictive_optimizer_prediction_latency_seconds{$T,model="gradient_boosting",quantile="0.5"}',
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="missing"} 1',
])
case("analytics_dashboard.stats.ints_as_floats", dumps(common("analytics_dashboard", requests_total=62004.0, connected_clients=12.0, widgets=48.0,
    metric_updates_pushed_total=3918002.0, active_alerts_shown=1.0)), [
    "alphapulse_analytics_dashboard_connected_clients{$T} 12",
    "alphapulse_analytics_dashboard_metric_updates_pushed_total{$T} 3918002",
    "alphapulse_service_requests_total{$T} 62004",
])
case("alerting_service.stats.one_bad_channel", dumps(common("alerting_service", channels={"email": {"sent_total": 120, "failed_total": 2},
    "slack": {"sent_total": "lots", "failed_total": 0}}, escalations_total=4, rules_evaluated_total=1540220)), [
    'alphapulse_alerting_service_notifications_sent_total{$T,channel="email"} 120',
    '!alphapulse_alerting_service_notifications_sent_total{$T,channel="slack"}',
    'alphapulse_alerting_service_notifications_failed_total{$T,channel="slack"} 0',
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="wrong_type"} 1',
])
case("alerting_service.stats.dependency_calls_quantiles", dumps(common("alerting_service", dependency_calls=[
    {"dependency": "smtp", "requests": 300, "errors": 2, "latency": {"p50": 0.2, "p95": 0.9}}, {"dependency": "slack", "requests": 410, "errors": 0}])), [
    'alphapulse_service_dependency_requests_total{$T,dependency="smtp"} 300',
    'alphapulse_service_dependency_quantile_latency_seconds{$T,dependency="smtp",quantile="0.95"} 0.9',
    'alphapulse_service_dependency_errors_total{$T,dependency="slack"} 0',
])
case("distributed_processor.stats.pool_busy_over_total", dumps(common("distributed_processor", pools={"thread": {"workers_busy": 11, "workers_total": 16},
    "process": {"workers_busy": 9, "workers_total": 4}}, queue_depth=128, tasks_completed_total=2301554, tasks_failed_total=312,
    task_latency_seconds={"p50": 0.05, "p95": 0.3, "p99": 0.64}, load_imbalance_ratio=0.18)), [
    'alphapulse_distributed_processor_workers_busy{$T,pool="thread"} 11',
    '!alphapulse_distributed_processor_workers_busy{$T,pool="process"}',
    'alphapulse_distributed_processor_task_latency_seconds{$T,quantile="0.99"} 0.64',
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="invalid_shape"} 1',
])
case("distributed_processor.stats.task_histogram_inf", dumps(common("distributed_processor", task_latency_seconds={
    "buckets": [{"le": 0.05, "count": 10}, {"le": 0.5, "count": 90}, {"le": math.inf, "count": 100}], "sum": 12.5, "count": 100})), [
    'alphapulse_distributed_processor_task_duration_seconds_bucket{$T,le="0.5"} 90',
    'alphapulse_distributed_processor_task_duration_seconds_bucket{$T,le="+Inf"} 100',
    "alphapulse_distributed_processor_task_duration_seconds_count{$T} 100",
])
case("sentiment_service.stats.scores_mixed", dumps(common("sentiment_service", sources={"twitter": {"messages_processed_total": 10, "api_errors_total": 0}},
    scores=[{"symbol": "AAPL", "source": "twitter", "score": 0.4, "confidence": 0.8},
            {"symbol": "TSLA", "source": "news", "score": 1.5, "confidence": 0.6},
            {"symbol": "MSFT", "source": "reddit", "score": math.nan, "confidence": 0.5}])), [
    'alphapulse_sentiment_service_score{$T,symbol="AAPL",source="twitter"} 0.4',
    '!alphapulse_sentiment_service_score{$T,symbol="TSLA",source="news"}',
    'alphapulse_sentiment_service_confidence_ratio{$T,symbol="TSLA",source="news"} 0.6',
    'alphapulse_sentiment_service_score{$T,symbol="MSFT",source="reddit"} NaN',
    'alphapulse_target_field_errors{$T,endpoint="stats",reason="out_of_range"} 1',
])
case("risk_manager.stats.epoch_timestamp_version_number", dumps(common("risk_manager", timestamp=AWARE.timestamp(), version=2.4)), [
    'alphapulse_service_version_info{$T,version="2.4"} 1',
    '!alphapulse_target_field_errors{$T,endpoint="stats",reason="bad_time"}',
])
case("analytics_dashboard.stats.not_json_html", "<html><body><h1>502 Bad Gateway</h1></body></html>", [
    'alphapulse_target_scrape_error{$T,endpoint="stats",reason="malformed_json"} 1',
])

if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    for name in os.listdir(HERE):
        os.remove(os.path.join(HERE, name))
    for name, body, expected in cases:
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            f.write(body)
        with open(os.path.join(HERE, name + ".expected"), "w") as f:
            f.write("\n".join(expected) + "\n")
    print(f"wrote {len(cases)} cases to {HERE}")
