package dev.marketpipe.console.stage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Prometheus text format as {@code /q/metrics} serves it, read into samples. */
class MetricsTextTest {

    @Test
    void commentsAndBlankLinesAreNotSamples() {
        MetricsText metrics = MetricsText.parse("""
                # HELP jvm_threads_live_threads The current number of live threads
                # TYPE jvm_threads_live_threads gauge

                jvm_threads_live_threads 42.0
                """);

        assertEquals(List.of(new MetricsText.Sample("jvm_threads_live_threads", Map.of(), 42.0)), metrics.samples());
    }

    @Test
    void countersKeepTheirTotalSuffixAndEveryLabel() {
        MetricsText metrics = MetricsText.parse("""
                # TYPE marketpipe_collector_budget_requests_total counter
                marketpipe_collector_budget_requests_total{outcome="granted",priority="realtime",provider="kis"} 120.0
                marketpipe_collector_budget_requests_total{outcome="shed",priority="backfill",provider="kis"} 3.0
                """);

        List<MetricsText.Sample> shed = metrics.find("marketpipe_collector_budget_requests_total",
                s -> "shed".equals(s.label("outcome")));
        assertEquals(1, shed.size(), metrics.samples().toString());
        assertEquals("marketpipe_collector_budget_requests_total", shed.get(0).name());
        assertEquals(Map.of("outcome", "shed", "priority", "backfill", "provider", "kis"), shed.get(0).labels());
        assertEquals(3.0, shed.get(0).value());
        assertEquals(2, metrics.find("marketpipe_collector_budget_requests").size(), "found by prefix");
    }

    @Test
    void escapedQuotesBackslashesAndNewlinesInLabelValuesAreUnescaped() {
        MetricsText metrics = MetricsText.parse(
                "http_server_requests_seconds_count{uri=\"/v1/{id}\",msg=\"say \\\"hi\\\", then go\","
                        + "path=\"C:\\\\data\",note=\"two\\nlines\"} 7\n");

        MetricsText.Sample sample = metrics.samples().get(0);
        assertEquals("http_server_requests_seconds_count", sample.name());
        assertEquals("/v1/{id}", sample.label("uri"), "a brace inside a quoted value does not end the labels");
        assertEquals("say \"hi\", then go", sample.label("msg"));
        assertEquals("C:\\data", sample.label("path"));
        assertEquals("two\nlines", sample.label("note"));
        assertEquals(7.0, sample.value());
    }

    @Test
    void aTimestampAfterTheValueIsIgnoredAndAMissingLabelReadsEmpty() {
        MetricsText metrics = MetricsText.parse("marketpipe_archive_outbox_backlog_batches{} 12 1712345678000\n");

        MetricsText.Sample sample = metrics.samples().get(0);
        assertEquals(12.0, sample.value());
        assertEquals("", sample.label("provider"));
    }

    @Test
    void windowsLineEndingsAreRead() {
        MetricsText metrics = MetricsText.parse("# TYPE a gauge\r\na{x=\"1\"} 1.5\r\nb 2\r\n");

        assertEquals(List.of(new MetricsText.Sample("a", Map.of("x", "1"), 1.5),
                new MetricsText.Sample("b", Map.of(), 2.0)), metrics.samples());
    }

    @Test
    void linesThatAreNotSamplesAreSkipped() {
        MetricsText metrics = MetricsText.parse("""
                no_value_here
                unterminated{a="b 1
                not_a_number{a="b"} many
                good_one 1
                """);

        assertEquals(1, metrics.samples().size(), metrics.samples().toString());
        assertEquals(1.0, metrics.find("good_one").get(0).value());
    }

    @Test
    void infinitiesAndNaNAreValues() {
        MetricsText metrics = MetricsText.parse("""
                le_bucket{le="+Inf"} +Inf
                low -Inf
                unknown NaN
                """);

        assertEquals(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN),
                metrics.samples().stream().map(MetricsText.Sample::value).toList());
    }
}
