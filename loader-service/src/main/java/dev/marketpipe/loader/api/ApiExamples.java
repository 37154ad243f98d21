package dev.marketpipe.loader.api;

/**
 * Example bodies of the loader's OpenAPI document (Swagger UI shows them), true to docs/CONTRACTS.md "loader-service"
 * and to the records the resources answer. The story: 1-minute bars of 005930 on 2025-03-04 (session 09:00-15:30 KST
 * = 00:00-06:30 UTC, 390 bars), prices stored as NUMERIC(15, 2).
 */
final class ApiExamples {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String CSV = CsvBodyWriter.TEXT_CSV;

    static final String BATCH_ID = "158921ea-2933-4733-9e03-81ce7cbe96fd";

    /** The validator's verdict on two 1-minute bars: both accepted, no flag. */
    static final String VALIDATED_BATCH = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","dataType":"market_data","symbol":"005930",\
            "interval":"1m","source":"primary","archiveRef":"raw/2025/03/04/market_data_005930_20250304_090000.json",\
            "fetchedAt":"2025-03-04T00:02:05Z","apiLatencyMs":38,"recordsReceived":2,\
            "accepted":[{"bar":{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":56300,"high":56500,\
            "low":56200,"close":56400,"volume":182340,"value":10283976000},"flags":[]},\
            {"bar":{"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":56400,"high":56400,"low":56100,\
            "close":56200,"volume":95120,"value":5345744000},"flags":[]}],\
            "quarantined":[],"batchIssues":[],"qualityScore":1.0,"acceptedRecords":null,"quarantinedRecords":null}""";
    static final String RECEIPT = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","rowsChanged":2,"rowsUnchanged":0,"quarantined":0,\
            "duplicate":false}""";
    static final String RECEIPT_DUPLICATE = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","rowsChanged":0,"rowsUnchanged":0,"quarantined":0,\
            "duplicate":true}""";
    static final String GROUP = "{\"batches\":[" + VALIDATED_BATCH + "]}";
    static final String GROUP_RESULTS = """
            {"results":[{"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","status":200,\
            "receipt":{"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","rowsChanged":2,"rowsUnchanged":0,\
            "quarantined":0,"duplicate":false}}]}""";
    static final String GROUP_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"batch 158921ea-2933-4733-9e03-81ce7cbe96fd is in the group twice"}""";
    static final String DATABASE_UNAVAILABLE_DESCRIPTION = "the database is unreachable or cannot write (disk full),"
            + " or writers kept deadlocking: nothing was stored; send again later";

    static final String BARS = """
            [{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":56300.00,"high":56500.00,"low":56200.00,\
            "close":56400.00,"volume":182340,"value":10283976000.00},\
            {"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":56400.00,"high":56400.00,"low":56100.00,\
            "close":56200.00,"volume":95120,"value":5345744000.00}]""";
    static final String BARS_CSV = "timestamp,symbol,open,high,low,close,volume,value,date\r\n"
            + "2025-03-04T00:00:00Z,005930,56300.00,56500.00,56200.00,56400.00,182340,10283976000.00,\r\n"
            + "2025-03-04T00:01:00Z,005930,56400.00,56400.00,56100.00,56200.00,95120,5345744000.00,\r\n";
    static final String DAILY_BARS = """
            [{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":56300.00,"high":57100.00,"low":55900.00,\
            "close":56800.00,"volume":14023911,"value":796553000000.00,"date":"2025-03-04"}]""";
    static final String LATEST_BARS = """
            [{"timestamp":"2025-03-04T06:29:00Z","symbol":"005930","open":56700.00,"high":56800.00,"low":56700.00,\
            "close":56800.00,"volume":310522,"value":17637649600.00},\
            {"timestamp":"2025-03-04T06:29:00Z","symbol":"000660","open":198000.00,"high":198500.00,\
            "low":198000.00,"close":198500.00,"volume":52310,"value":10383535000.00}]""";
    static final String UNKNOWN_INTERVAL = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"unknown interval '2m' (expected 1m, 5m or 1d)"}""";
    static final String RANGE_TOO_LONG = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"the range is longer than 31 days; ask in pieces"}""";
    static final String BARS_UNKNOWN_SYMBOL = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no 1m bars of symbol 00593 are stored"}""";
    static final String LATEST_NONE = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no 1m bars are stored for any of the 2 symbols asked"}""";

    static final String WINDOWS_REQUEST = """
            {"windows":[{"symbol":"005930","interval":"1m","from":"2025-03-04T00:00:00Z","to":"2025-03-04T00:02:00Z"},\
            {"symbol":"000660","interval":"1d","from":"2025-03-03T15:00:00Z","to":"2025-03-04T15:00:00Z"}]}""";
    static final String WINDOWS_ANSWER = """
            {"windows":[{"window":{"symbol":"005930","interval":"1m","from":"2025-03-04T00:00:00Z",\
            "to":"2025-03-04T00:02:00Z"},"bars":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930",\
            "open":56300.00,"high":56500.00,"low":56200.00,"close":56400.00,"volume":182340,\
            "value":10283976000.00},{"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":56400.00,\
            "high":56400.00,"low":56100.00,"close":56200.00,"volume":95120,"value":5345744000.00}]},\
            {"window":{"symbol":"000660","interval":"1d","from":"2025-03-03T15:00:00Z",\
            "to":"2025-03-04T15:00:00Z"},"bars":[]}]}""";
    static final String WINDOWS_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"windows[0]: from must be before to"}""";

    static final String ORDER_BOOK = """
            {"symbol":"005930","timestamp":"2025-03-04T01:00:10Z",\
            "bids":[{"price":56300,"quantity":15230},{"price":56200,"quantity":20411}],\
            "asks":[{"price":56400,"quantity":9870},{"price":56500,"quantity":18342}]}""";
    static final String ORDER_BOOK_CSV = "symbol,timestamp,side,level,price,quantity\r\n"
            + "005930,2025-03-04T01:00:10Z,bid,1,56300,15230\r\n"
            + "005930,2025-03-04T01:00:10Z,bid,2,56200,20411\r\n"
            + "005930,2025-03-04T01:00:10Z,ask,1,56400,9870\r\n"
            + "005930,2025-03-04T01:00:10Z,ask,2,56500,18342\r\n";
    static final String ORDER_BOOK_NONE = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no order book of symbol 005930 is stored"}""";

    /** Two events of the push stream: a batch of REST bars, then a minute built from the trades. */
    static final String BAR_EVENTS = "id: 41\nevent: bars\ndata: {\"id\":41,\"symbol\":\"005930\","
            + "\"interval\":\"1m\",\"source\":\"rest\",\"committedAt\":\"2025-03-04T00:02:06Z\",\"bars\":[{"
            + "\"timestamp\":\"2025-03-04T00:01:00Z\",\"symbol\":\"005930\",\"open\":56400.00,\"high\":56400.00,"
            + "\"low\":56100.00,\"close\":56200.00,\"volume\":95120,\"value\":5345744000.00}]}\n\n"
            + "id: 42\nevent: bars\ndata: {\"id\":42,\"symbol\":\"005930\",\"interval\":\"1m\",\"source\":\"ticks\","
            + "\"committedAt\":\"2025-03-04T00:03:01Z\",\"bars\":[{\"timestamp\":\"2025-03-04T00:02:00Z\","
            + "\"symbol\":\"005930\",\"open\":56200.00,\"high\":56300.00,\"low\":56200.00,\"close\":56300.00,"
            + "\"volume\":80415,\"value\":4524146100.00}]}\n\n";
    static final String STREAM_BAD_EVENT_ID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"Last-Event-ID must be the id of an event this stream sent (a number)"}""";

    static final String COVERAGE = """
            {"symbol":"005930","interval":"1m","from":"2025-03-03T15:00:00Z","to":"2025-03-04T15:00:00Z","bars":210,\
            "days":[{"date":"2025-03-04","bars":210,"runs":[\
            {"first":"2025-03-04T00:00:00Z","last":"2025-03-04T00:59:00Z","bars":60},\
            {"first":"2025-03-04T04:00:00Z","last":"2025-03-04T06:29:00Z","bars":150}]}]}""";

    static final String ATTEMPT_ID = "a4c2e6f8-1b3d-4f5a-8c7e-9d1b3f5a7c9e";
    /** A window that failed after its retries (the provider answered 503 three times). */
    static final String COLLECTION_ATTEMPT = """
            {"symbol":"005930","interval":"1m","dataType":"market_data","status":"error","recordsCollected":0,\
            "errorMessage":"HTTP 503 from the securities API after 3 attempts","executionTimeMs":4210,\
            "errorType":"server_error","source":"primary","provider":"simulator","attempts":3,\
            "attemptId":"a4c2e6f8-1b3d-4f5a-8c7e-9d1b3f5a7c9e","occurredAt":"2025-03-04T00:05:07Z"}""";
    static final String COLLECTION_ATTEMPT_ROW = """
            {"id":1025,"timestamp":"2025-03-04T00:05:07Z","symbol":"005930","interval":"1m","status":"error",\
            "recordsCollected":0,"errorMessage":"HTTP 503 from the securities API after 3 attempts",\
            "executionTimeMs":4210,"batchId":null,"dataType":"market_data","source":"primary",\
            "recordsAccepted":null,"recordsQuarantined":null,"qualityScore":null,"errorType":"server_error",\
            "provider":"simulator","attempts":3}""";
    static final String COLLECTION_LOADED_ROW = """
            {"id":1024,"timestamp":"2025-03-04T00:02:06Z","symbol":"005930","interval":"1m","status":"success",\
            "recordsCollected":2,"errorMessage":null,"executionTimeMs":412,\
            "batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","dataType":"market_data","source":"primary",\
            "recordsAccepted":2,"recordsQuarantined":0,"qualityScore":1.0,"errorType":null,"provider":null,\
            "attempts":null}""";
    static final String COLLECTION_LOG = "[" + COLLECTION_ATTEMPT_ROW + "," + COLLECTION_LOADED_ROW + "]";
    static final String COLLECTION_ATTEMPT_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"errorType is required when status is error"}""";
    static final String LIMIT_TOO_HIGH = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"limit must be at most 1000"}""";

    /** A bar beyond the price limit: high, so quarantined for review. */
    static final String QUARANTINE_ENTRY = """
            {"id":17,"batchId":"c3e5a7b9-1d2f-4a6c-8e0b-2d4f6a8c0e1b","dataType":"market_data","symbol":"005930",\
            "interval":"1m","recordTimestamp":"2025-03-04T00:05:00Z","status":"review",\
            "reasons":[{"rule":"price_out_of_range","severity":"high","timestamp":"2025-03-04T00:05:00Z",\
            "message":"high outside [39270, 72930] (previous close 56100.00)"}],\
            "record":{"timestamp":"2025-03-04T00:05:00Z","symbol":"005930","open":56300,"high":75000,"low":56300,\
            "close":56400,"volume":12040,"value":679056000},\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090400.json",\
            "createdAt":"2025-03-04T00:06:06Z","decidedBy":null,"decidedAt":null}""";
    static final String QUARANTINE_LIST = "[" + QUARANTINE_ENTRY + "]";
    static final String QUARANTINE_APPROVED = """
            {"id":17,"batchId":"c3e5a7b9-1d2f-4a6c-8e0b-2d4f6a8c0e1b","dataType":"market_data","symbol":"005930",\
            "interval":"1m","recordTimestamp":"2025-03-04T00:05:00Z","status":"approved",\
            "reasons":[{"rule":"price_out_of_range","severity":"high","timestamp":"2025-03-04T00:05:00Z",\
            "message":"high outside [39270, 72930] (previous close 56100.00)"}],\
            "record":{"timestamp":"2025-03-04T00:05:00Z","symbol":"005930","open":56300,"high":75000,"low":56300,\
            "close":56400,"volume":12040,"value":679056000},\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090400.json",\
            "createdAt":"2025-03-04T00:06:06Z","decidedBy":"kim.reviewer","decidedAt":"2025-03-04T07:20:41Z"}""";
    static final String QUARANTINE_REJECTED = """
            {"id":17,"batchId":"c3e5a7b9-1d2f-4a6c-8e0b-2d4f6a8c0e1b","dataType":"market_data","symbol":"005930",\
            "interval":"1m","recordTimestamp":"2025-03-04T00:05:00Z","status":"rejected",\
            "reasons":[{"rule":"price_out_of_range","severity":"high","timestamp":"2025-03-04T00:05:00Z",\
            "message":"high outside [39270, 72930] (previous close 56100.00)"}],\
            "record":{"timestamp":"2025-03-04T00:05:00Z","symbol":"005930","open":56300,"high":75000,"low":56300,\
            "close":56400,"volume":12040,"value":679056000},\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090400.json",\
            "createdAt":"2025-03-04T00:06:06Z","decidedBy":"kim.reviewer","decidedAt":"2025-03-04T07:20:41Z"}""";
    static final String QUARANTINE_BAD_STATUS = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"unknown status 'open' (expected quarantined, review, approved, rejected)"}""";
    static final String QUARANTINE_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no quarantined record 17"}""";
    static final String QUARANTINE_DECIDED_REJECTED = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"quarantined record 17 was already rejected by kim.reviewer at 2025-03-04T07:20:41Z;\
             a decision is final"}""";
    static final String QUARANTINE_DECIDED_APPROVED = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"quarantined record 17 was already approved by kim.reviewer at 2025-03-04T07:20:41Z;\
             a decision is final"}""";

    /** 005930 missed 09:05-09:08 KST and had two bars quarantined: completeness and missing intervals warn. */
    static final String DAILY_REPORT = """
            {"date":"2025-03-04","interval":"1m","tradingDay":true,"sessionOpen":"2025-03-04T09:00:00+09:00",\
            "sessionClose":"2025-03-04T15:30:00+09:00","expectedBars":390,\
            "symbols":[{"symbol":"005930","expectedBars":390,"storedBars":387,"missingBars":3,\
            "missing":[{"from":"2025-03-04T09:05:00+09:00","to":"2025-03-04T09:08:00+09:00","bars":3}],\
            "quarantined":2,"quarantinedByReason":{"price_out_of_range":2},"qualityScore":0.9948586118251928}],\
            "kpis":{"completeness":{"value":99.23076923076923,"target":100.0,"alertThreshold":99.0,\
            "status":"warning"},"missingIntervals":{"value":3.0,"target":0.0,"alertThreshold":5.0,\
            "status":"warning"},"quality":{"value":99.48586118251929,"target":99.0,"alertThreshold":98.0,\
            "status":"ok"}},\
            "realTime":{"trades":0,"tickMinutes":0,"restOnlyMinutes":0,"differingBars":0,"differences":[]}}""";
    /** The beginning of the page (inline CSS, no scripts); the rest is elided here. */
    static final String DAILY_REPORT_HTML = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>Daily report 2025-03-04 1m – warning</title>\n…";
    static final String DATE_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"date must be an ISO date like 2025-03-04, not '2025-13-40'"}""";
    static final String KEPT_REPORTS = """
            [{"date":"2025-03-04","interval":"1m","generatedAt":"2025-03-04T07:10:00Z","status":"warning"},\
            {"date":"2025-03-04","interval":"1d","generatedAt":"2025-03-04T07:10:01Z","status":"ok"}]""";
    static final String KEPT_NONE = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no daily report of 2025-03-04 (1m) is\
             kept; POST /v1/reports/daily/2025-03-04/generations?interval=1m makes one"}""";

    private ApiExamples() {
    }
}
