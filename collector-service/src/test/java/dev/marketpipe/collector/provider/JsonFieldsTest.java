package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The timestamp reader's shortcut for whole-second UTC text reads exactly what {@link Instant#parse} reads. */
class JsonFieldsTest {

    private static Instant read(String text) {
        return JsonFields.instant(JsonNodeFactory.instance.textNode(text));
    }

    @Test
    void wholeSecondUtcTimestampsReadAsInstantParseReadsThem() {
        Random random = new Random(20250304L);
        for (int i = 0; i < 20_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L));
            String text = expected.toString();
            assertEquals(20, text.length(), text);
            assertEquals(expected, read(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2025-03-04T02:00:00.5Z", "2025-03-04T11:00:00+09:00",
            "2025-03-04T02:00:00.000Z", "2025-03-04T24:00:00Z"})
    void otherIsoFormsStillReadThroughInstantParse(String text) {
        assertEquals(Instant.parse(text), read(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z",
            "2025-03-04T02:60:00Z", "2025-03-04T02:00:61Z", "2025-03-04 02:00:00Z", "2025-03-0xT02:00:00Z",
            "20250304T020000Z", "not a time"})
    void unreadableTimestampsBecomeNull(String text) {
        assertNull(read(text));
    }
}
