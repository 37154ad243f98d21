package dev.marketpipe.validator.api;

/**
 * Example bodies of the validator's OpenAPI document (Swagger UI shows them), true to docs/CONTRACTS.md
 * "validator-service" and to the records the resources answer: batches as the archive forwards them (archiveRef set,
 * the raw response reduced to its meta).
 */
final class ApiExamples {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    /** Two 1-minute bars of 005930, 09:00 and 09:01 KST on 2025-03-04, as the archive forwards them. */
    static final String BATCH = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","dataType":"market_data","symbol":"005930",\
            "interval":"1m","source":"primary","provider":"simulator","windowStart":"2025-03-04T00:00:00Z",\
            "windowEnd":"2025-03-04T00:02:00Z","page":1,"fetchedAt":"2025-03-04T00:02:05Z","apiLatencyMs":38,\
            "attempts":1,"apiVersion":"v1.0","collectorVersion":"0.1.0-SNAPSHOT",\
            "rawResponse":{"meta":{"total_records":2,"page":1,"total_pages":1,"limit":1000}},\
            "bars":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":56300,"high":56500,"low":56200,\
            "close":56400,"volume":182340,"value":10283976000},\
            {"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":56400,"high":56400,"low":56100,\
            "close":56200,"volume":95120,"value":5345744000}],\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090000.json","records":null}""";
    /** One 1-minute bar of 000660 whose interval is missing: refused for good (400), alone or in a group. */
    static final String BATCH_WITHOUT_INTERVAL = """
            {"batchId":"6e0f2b4d-8a1c-4e3f-9b5d-7c9e1a3b5d7f","dataType":"market_data","symbol":"000660",\
            "interval":null,"source":"primary","provider":"simulator","windowStart":"2025-03-04T00:00:00Z",\
            "windowEnd":"2025-03-04T00:01:00Z","page":1,"fetchedAt":"2025-03-04T00:01:05Z","apiLatencyMs":35,\
            "attempts":1,"apiVersion":"v1.0","collectorVersion":"0.1.0-SNAPSHOT",\
            "rawResponse":{"meta":{"total_records":1,"page":1,"total_pages":1,"limit":1000}},\
            "bars":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"000660","open":198500,"high":199000,\
            "low":198000,"close":198500,"volume":41200,"value":8178200000}],\
            "archiveRef":"raw/2025/03/04/market_data_000660_20250304_090000.json","records":null}""";
    static final String GROUP = "{\"batches\":[" + BATCH + "," + BATCH_WITHOUT_INTERVAL + "]}";

    static final String RECEIPT = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","rowsChanged":2,"rowsUnchanged":0,"quarantined":0,\
            "duplicate":false}""";
    static final String GROUP_RESULTS = """
            {"results":[{"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","status":200,\
            "receipt":{"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","rowsChanged":2,"rowsUnchanged":0,\
            "quarantined":0,"duplicate":false}},\
            {"batchId":"6e0f2b4d-8a1c-4e3f-9b5d-7c9e1a3b5d7f","status":400,\
            "detail":"missing required field: interval"}]}""";
    static final String BATCH_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"missing required field: interval"}""";
    static final String GROUP_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"batch 158921ea-2933-4733-9e03-81ce7cbe96fd is in the group twice"}""";

    static final String QUALITY_DAY = """
            {"date":"2025-03-06","symbols":{"005930":{"score":0.6,"records":5,"flagged":1,"quarantined":1}}}""";
    static final String QUALITY_NO_DATE = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"query parameter 'date' (YYYY-MM-DD) is required"}""";

    private ApiExamples() {
    }
}
