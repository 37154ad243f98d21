package dev.marketpipe.archive.api;

/**
 * Example bodies of the archive's OpenAPI document (Swagger UI shows them), true to docs/CONTRACTS.md
 * "archive-service" and to the records the resources answer: one 1-minute batch of 005930 collected on 2025-03-04
 * (09:00 KST = 00:00 UTC), archived as {@code raw/2025/03/04/market_data_005930_20250304_090000.json}.
 */
public final class ApiExamples {

    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";

    public static final String BATCH_ID = "158921ea-2933-4733-9e03-81ce7cbe96fd";

    /** A CollectedBatch as the collector sends it: the provider's answer as received, and the bars read from it. */
    public static final String COLLECTED_BATCH = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd","dataType":"market_data","symbol":"005930",\
            "interval":"1m","source":"primary","provider":"simulator","windowStart":"2025-03-04T00:00:00Z",\
            "windowEnd":"2025-03-04T00:02:00Z","page":1,"fetchedAt":"2025-03-04T00:02:05Z","apiLatencyMs":38,\
            "attempts":1,"apiVersion":"v1.0","collectorVersion":"0.1.0-SNAPSHOT",\
            "rawResponse":{"status":"success","data":[\
            {"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":56300,"high":56500,"low":56200,\
            "close":56400,"volume":182340,"value":10283976000},\
            {"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":56400,"high":56400,"low":56100,\
            "close":56200,"volume":95120,"value":5345744000}],\
            "meta":{"total_records":2,"page":1,"total_pages":1,"limit":1000}},\
            "bars":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":56300,"high":56500,"low":56200,\
            "close":56400,"volume":182340,"value":10283976000},\
            {"timestamp":"2025-03-04T00:01:00Z","symbol":"005930","open":56400,"high":56400,"low":56100,\
            "close":56200,"volume":95120,"value":5345744000}],"archiveRef":null,"records":null}""";
    public static final String RECEIPT = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd",\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090000.json",\
            "sha256":"c7a6c68236a60eb03e8898c4daf104531a3a1824a0f6be0e56178a2cf5159310","bytes":1187,\
            "duplicate":false}""";
    public static final String RECEIPT_DUPLICATE = """
            {"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd",\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090000.json",\
            "sha256":"c7a6c68236a60eb03e8898c4daf104531a3a1824a0f6be0e56178a2cf5159310","bytes":1187,\
            "duplicate":true}""";
    public static final String BATCH_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request is not valid",\
            "errors":["batch.batchId: is required","batch.windowStart: is required"]}""";
    public static final String ARCHIVE_FULL = """
            {"type":"about:blank","title":"Insufficient Storage","status":507,\
            "detail":"the archive's disk is full; batch 158921ea-2933-4733-9e03-81ce7cbe96fd was not archived"}""";
    public static final String BATCH_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no archived batch 158921ea-2933-4733-9e03-81ce7cbe96fd"}""";

    public static final String BATCH_PAGE = """
            {"from":"2025-03-04","to":"2025-03-04","items":[{"batchId":"158921ea-2933-4733-9e03-81ce7cbe96fd",\
            "date":"2025-03-04","dataType":"market_data","symbol":"005930","interval":"1m","source":"primary",\
            "windowStart":"2025-03-04T00:00:00Z","windowEnd":"2025-03-04T00:02:00Z",\
            "archiveRef":"raw/2025/03/04/market_data_005930_20250304_090000.json",\
            "sha256":"c7a6c68236a60eb03e8898c4daf104531a3a1824a0f6be0e56178a2cf5159310","bytes":1187,\
            "archivedAt":"2025-03-04T00:02:05Z","state":"forwarded"}],"nextCursor":null}""";
    public static final String LISTING_NO_DATE = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"date (YYYY-MM-DD) is required, or a range from and to"}""";

    public static final String DAY_COPY = """
            {"date":"2025-03-04","objects":1840,"copied":1840,"present":0,"bytesCopied":2184320,"retried":0,\
            "repaired":0,"vanished":0,"failed":[],"corruptSource":[],"conflicts":[],"complete":true}""";
    public static final String BACKUP_REPORT = """
            {"trigger":"api","target":"filesystem:data/archive-backup","startedAt":"2025-03-05T01:30:00Z",\
            "finishedAt":"2025-03-05T01:30:04Z","days":[""" + DAY_COPY + "],\"complete\":true}";
    public static final String BACKUP_STATUS = """
            {"target":"filesystem:data/archive-backup","scheduled":true,"running":false,"lastRun":\
            """ + BACKUP_REPORT + ",\"lastCompleteRunAt\":\"2025-03-05T01:30:04Z\"}";
    public static final String RESTORED = """
            {"date":"2025-03-04","objects":1840,"copied":3,"present":1837,"bytesCopied":3561,"retried":0,\
            "repaired":1,"vanished":0,"failed":[],"corruptSource":[],"conflicts":[],"complete":true}""";
    public static final String DATE_IN_FUTURE = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"date 2099-01-02 is in the future (today is 2025-03-05 in Asia/Seoul)"}""";
    public static final String BACKUP_BUSY = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"a backup or restore is in progress; try again when it has finished"}""";
    public static final String NOTHING_TO_RESTORE = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"the backup target holds nothing for 2025-03-04"}""";

    /** A dry run on 2025-04-10: the envelopes of 2025-03-04 are past compress-after-days (30). */
    public static final String RETENTION_REPORT = """
            {"dryRun":true,"today":"2025-04-10","startedAt":"2025-04-10T03:00:00Z",\
            "finishedAt":"2025-04-10T03:00:01Z",\
            "compressed":{"files":1840,"bytes":2184320,\
            "refs":["raw/2025/03/04/market_data_005930_20250304_090000.json"]},"gzipBytes":0,\
            "deleted":{"files":0,"bytes":0,"refs":[]},"keptCritical":{"files":0,"bytes":0,"refs":[]},\
            "logsDeleted":{"files":0,"bytes":0,"refs":[]},"unrecognized":0,"conflicts":[],"errors":[]}""";
    public static final String DRY_RUN_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"dryRun must be true or false, not 'yes'"}""";
    public static final String RETENTION_BUSY = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"a retention run is in progress; try again when it has finished"}""";

    public static final String INTEGRITY_REPORT = """
            {"date":"2025-03-04","checkedAt":"2025-03-05T02:00:00Z","counts":{"indexed":3,"ok":1,"compressedOk":0,\
            "missing":1,"expired":0,"corrupt":1,"orphans":0,"pendingIntake":0},\
            "ok":["raw/2025/03/04/market_data_005930_20250304_090000.json"],"compressedOk":[],\
            "missing":[{"batchId":"0f5b2a0e-6d7c-4c1e-8a3b-1e2d3c4b5a69",\
            "archiveRef":"raw/2025/03/04/market_data_000660_20250304_090000.json",\
            "expectedSha256":"4e1f0c6a1d3b5e7f9a2c4e6b8d0f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f",\
            "problem":"neither raw/2025/03/04/market_data_000660_20250304_090000.json nor\
             raw/2025/03/04/market_data_000660_20250304_090000.json.gz exists"}],"expired":[],\
            "corrupt":[{"batchId":"7a9c1e3b-5d7f-4b2a-9c4e-6f8a0b2c4d6e",\
            "archiveRef":"raw/2025/03/04/market_data_035420_20250304_090000.json",\
            "expectedSha256":"9b2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d",\
            "actualSha256":"1c3e5a7b9d2f4c6e8a0b1d3f5c7e9a2b4d6f8c0e1a3b5d7f9c2e4a6b8d0f1c3e",\
            "problem":"the content differs from what was archived"}],"orphans":[],"pendingIntake":[]}""";
    public static final String DATE_REQUIRED = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"date is required: the archive day, YYYY-MM-DD"}""";

    public static final String REPLAY_ID = "2d6f8a1c-3e5b-4d7f-9a1c-3e5b7d9f1a2c";
    public static final String REPLAY_REQUEST = """
            {"from":"2025-03-03","to":"2025-03-07","dataTypes":["market_data"],"symbols":["005930"]}""";
    public static final String REPLAY_STARTED = """
            {"id":"2d6f8a1c-3e5b-4d7f-9a1c-3e5b7d9f1a2c","state":"RUNNING","from":"2025-03-03","to":"2025-03-07",\
            "dataTypes":["market_data"],"symbols":["005930"],"batchesTotal":null,"batchesSent":0,"batchesFailed":0,\
            "bars":0,"records":0,"lastError":null,"startedAt":"2025-03-10T02:00:00Z","finishedAt":null,\
            "checkpointedAt":"2025-03-10T02:00:00Z","instance":"archive-0-1","progressStorage":"memory",\
            "resumed":0,"checkpoint":null}""";
    public static final String REPLAY_SUCCEEDED = """
            {"id":"2d6f8a1c-3e5b-4d7f-9a1c-3e5b7d9f1a2c","state":"SUCCEEDED","from":"2025-03-03","to":"2025-03-07",\
            "dataTypes":["market_data"],"symbols":["005930"],"batchesTotal":4,"batchesSent":4,"batchesFailed":0,\
            "bars":1560,"records":1560,"lastError":null,"startedAt":"2025-03-10T02:00:00Z",\
            "finishedAt":"2025-03-10T02:00:06Z","checkpointedAt":"2025-03-10T02:00:06Z","instance":"archive-0-1",\
            "progressStorage":"memory","resumed":0,"checkpoint":{"doneThrough":"2025-03-07","batchesSent":4,\
            "batchesFailed":0,"bars":1560,"records":1560}}""";
    public static final String REPLAY_NOT_REPLAYABLE = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"data type positions cannot be replayed; replayable: [market_data, orderbook, ticks]"}""";
    public static final String REPLAY_BUSY = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"replay 2d6f8a1c-3e5b-4d7f-9a1c-3e5b7d9f1a2c is still running; one replay at a time"}""";
    public static final String REPLAY_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,\
            "detail":"no replay 2d6f8a1c-3e5b-4d7f-9a1c-3e5b7d9f1a2c"}""";
    public static final String LIMIT_INVALID = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"the request is not valid",\
            "errors":["limit: must be less than or equal to 1000"]}""";

    private ApiExamples() {
    }
}
