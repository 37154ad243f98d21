package dev.marketpipe.collector.api;

/**
 * Example bodies of the collector's OpenAPI document (Swagger UI shows them), true to docs/CONTRACTS.md
 * "collector-service" and to the records the resources answer. KST trading dates: 2025-03-03 is a KRX holiday, so
 * 2025-03-03..07 has four sessions (09:00-15:30 KST, 390 one-minute bars each).
 */
final class ApiExamples {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    static final String JOB_ID = "5b7e1c52-8f0e-4a59-9d41-2f5c0b8e7a13";

    static final String BACKFILL_REQUEST = """
            {"symbols":["005930"],"interval":"1m","from":"2025-03-03","to":"2025-03-07"}""";
    /** Just started: one window per symbol and trading day (four), none done yet. */
    static final String BACKFILL_STARTED = """
            {"id":"5b7e1c52-8f0e-4a59-9d41-2f5c0b8e7a13","state":"RUNNING","symbols":["005930"],"interval":"1m",\
            "from":"2025-03-03","to":"2025-03-07","requestsTotal":4,"requestsDone":0,"records":0,"batches":0,\
            "errors":0,"windowsResumed":0,"lastError":null,"createdAt":"2025-03-10T01:00:00Z","finishedAt":null}""";
    static final String BACKFILL_SUCCEEDED = """
            {"id":"5b7e1c52-8f0e-4a59-9d41-2f5c0b8e7a13","state":"SUCCEEDED","symbols":["005930"],"interval":"1m",\
            "from":"2025-03-03","to":"2025-03-07","requestsTotal":4,"requestsDone":4,"records":1560,"batches":4,\
            "errors":0,"windowsResumed":0,"lastError":null,"createdAt":"2025-03-10T01:00:00Z",\
            "finishedAt":"2025-03-10T01:00:03Z"}""";
    static final String BACKFILL_CANCELLED = """
            {"id":"5b7e1c52-8f0e-4a59-9d41-2f5c0b8e7a13","state":"CANCELLED","symbols":["005930"],"interval":"1m",\
            "from":"2025-03-03","to":"2025-03-07","requestsTotal":4,"requestsDone":2,"records":780,"batches":2,\
            "errors":0,"windowsResumed":0,"lastError":null,"createdAt":"2025-03-10T01:00:00Z",\
            "finishedAt":"2025-03-10T01:00:02Z"}""";
    static final String BACKFILL_LIST = "[" + BACKFILL_SUCCEEDED + "]";
    static final String BACKFILL_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no backfill job 5b7e1c52-8f0e-4a59-9d41-2f5c0b8e7a13"}""";
    static final String JOB_BODY_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request is not valid",\
            "errors":["request.interval: must not be null",\
            "request.symbols[0].<list element>: must be 1-20 letters, digits, '.', '_' or '-'"]}""";
    static final String JOB_RANGE_BACKWARDS = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"'from' (2025-03-07) is after 'to' (2025-03-03)"}""";
    static final String LIMIT_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request is not valid",\
            "errors":["limit: must be less than or equal to 1000"]}""";

    static final String GAPFILL_ID = "0c9d3f7e-2a41-4b8e-9f61-7d2e5a1c3b90";
    static final String GAPFILL_REQUEST = """
            {"symbols":["005930"],"interval":"1m","from":"2025-03-04","to":"2025-03-07"}""";
    static final String GAPFILL_STARTED = """
            {"id":"0c9d3f7e-2a41-4b8e-9f61-7d2e5a1c3b90","state":"RUNNING","trigger":"api","symbols":["005930"],\
            "interval":"1m","from":"2025-03-04","to":"2025-03-07","symbolsPlanned":0,"barsExpected":0,"barsStored":0,\
            "barsMissing":0,"barsSkipped":0,"requestsTotal":0,"requestsDone":0,"records":0,"batches":0,"errors":0,\
            "windowsResumed":0,"lastError":null,"createdAt":"2025-03-10T01:00:00Z","finishedAt":null}""";
    /** Four sessions expected; 10:00-12:59 KST of 2025-03-04 missing, fetched by exactly one request. */
    static final String GAPFILL_SUCCEEDED = """
            {"id":"0c9d3f7e-2a41-4b8e-9f61-7d2e5a1c3b90","state":"SUCCEEDED","trigger":"api","symbols":["005930"],\
            "interval":"1m","from":"2025-03-04","to":"2025-03-07","symbolsPlanned":1,"barsExpected":1560,\
            "barsStored":1380,"barsMissing":180,"barsSkipped":0,"requestsTotal":1,"requestsDone":1,"records":180,\
            "batches":1,"errors":0,"windowsResumed":0,"lastError":null,"createdAt":"2025-03-10T01:00:00Z",\
            "finishedAt":"2025-03-10T01:00:02Z"}""";
    static final String GAPFILL_LIST = "[" + GAPFILL_SUCCEEDED + "]";
    static final String GAPFILL_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no gap-fill job 0c9d3f7e-2a41-4b8e-9f61-7d2e5a1c3b90"}""";

    static final String ORDERS_RUN = """
            {"dataType":"orders","pages":1,"records":37}""";
    static final String COLLECTION_UNKNOWN_TYPE = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no collection job for data type 'trades'; one of orderbook, account_info, positions, orders"}""";
    static final String COLLECTION_WINDOW_NOT_ORDERS = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"'from' and 'to' apply to orders only"}""";

    static final String LIVE_RUN = """
            {"instance":"collector-0","at":"2025-03-11T01:05:05Z","bar":"2025-03-11T01:04:00Z",\
            "symbols":["005930","000660"],"cadenceMinutes":1,\
            "polled":[{"symbol":"005930","from":"2025-03-11T01:03:00Z","to":"2025-03-11T01:05:00Z"},\
            {"symbol":"000660","from":"2025-03-11T01:03:00Z","to":"2025-03-11T01:05:00Z"}]}""";
    static final String LIVE_TRIGGER_OFF = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"the live trigger is off (marketpipe.collector.control.live-trigger)"}""";
    static final String LIVE_AT_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"'at' must be an ISO instant such as 2025-03-04T01:05:05Z"}""";

    static final String RECONCILIATION_REQUEST = """
            {"from":"2025-03-10","to":"2025-03-14","symbols":["005930"]}""";
    static final String RECONCILIATION_REPORT = """
            {"startedAt":"2025-03-17T07:30:00Z","finishedAt":"2025-03-17T07:30:02Z","from":"2025-03-10",\
            "to":"2025-03-14","symbols":["005930"],"compared":5,\
            "discrepancies":[{"symbol":"005930","date":"2025-03-12","field":"close","primary":"56300",\
            "backup":"56400"}],"errors":[]}""";
    static final String RECONCILIATION_NONE_YET = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no reconciliation has run yet"}""";
    static final String RECONCILIATION_NO_BACKUP = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"no backup source is configured (marketpipe.collector.failover.enabled=false)"}""";
    static final String RECONCILIATION_TOO_LONG = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"a reconciliation may span at most 370 days"}""";

    static final String LEASES = """
            {"instance":"collector-0","replicasEnabled":true,"leaseDurationSeconds":30,"owned":["005930","000660"],\
            "members":[{"instance":"collector-0","expiresAt":"2025-03-04T01:00:30Z","live":true},\
            {"instance":"collector-1","expiresAt":"2025-03-04T01:00:27Z","live":true}],\
            "leases":[{"symbol":"005930","owner":"collector-0","expiresAt":"2025-03-04T01:00:30Z","live":true},\
            {"symbol":"000660","owner":"collector-0","expiresAt":"2025-03-04T01:00:30Z","live":true},\
            {"symbol":"035420","owner":"collector-1","expiresAt":"2025-03-04T01:00:27Z","live":true}]}""";

    /** What CoveragePlanner answers for 2000 symbols at 19 requests/s with the shipped plan settings. */
    static final String PLAN = """
            {"symbols":2000,"budgetPerSecond":19.0,"budgetShare":0.9,"requestsPerSecond":17.09,"lookbackMinutes":30,\
            "groups":[{"name":"all","symbols":2000,"cadenceSeconds":117,"requestWindowMinutes":3,\
            "requestsPerSecond":17.09,"freshnessP50Minutes":0.98,"freshnessP99Minutes":1.93}],\
            "freshnessP50Minutes":0.98,"freshnessP99Minutes":1.93,"freshnessTargetMinutes":3.0,\
            "completeCoverage":true,"freshnessTargetMet":true,"status":"complete","maxSymbolsFullyCovered":30780,\
            "maxSymbolsWithinFreshnessTarget":3095}""";
    static final String PLAN_SYMBOLS_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"query parameter 'symbols' must be a whole number from 1 to 100000, got '0'"}""";

    /** 2025-03-03 is a holiday: no session. */
    static final String SESSIONS = """
            [{"date":"2025-03-04","open":"2025-03-04T00:00:00Z","close":"2025-03-04T06:30:00Z"},\
            {"date":"2025-03-05","open":"2025-03-05T00:00:00Z","close":"2025-03-05T06:30:00Z"}]""";
    static final String SESSIONS_DATE_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"query parameter 'from' is not an ISO date: 2025-13-01"}""";

    private ApiExamples() {
    }
}
