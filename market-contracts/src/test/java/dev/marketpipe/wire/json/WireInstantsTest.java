package dev.marketpipe.wire.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The wire's instant shortcut reads and writes exactly what {@link Instant#parse} and the JavaTimeModule do. */
class WireInstantsTest {

    private static final ObjectMapper JAVA_TIME = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper WIRE = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new WireTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void wholeSecondUtcTimestampsReadAndWriteAsJavaTimeDoes() {
        Random random = new Random(20250304L);
        for (int i = 0; i < 20_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L));
            String text = expected.toString();
            assertEquals(expected, WireInstants.parseOrNull(text), text);
            assertEquals(text, WireInstants.format(expected), text);
        }
    }

    @Test
    void theModuleWritesAndReadsTheSameJsonAsTheJavaTimeModule() throws Exception {
        Random random = new Random(6L);
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L),
                    i % 3 == 0 ? random.nextInt(1_000_000_000) : 0);
            String json = JAVA_TIME.writeValueAsString(instant);
            assertEquals(json, WIRE.writeValueAsString(instant), json);
            assertEquals(JAVA_TIME.readValue(json, Instant.class), WIRE.readValue(json, Instant.class), json);
        }
        ObjectMapper asNumbers = WIRE.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertEquals("1741053600.000000000", asNumbers.writeValueAsString(Instant.parse("2025-03-04T02:00:00Z")));
        assertEquals(Instant.parse("2025-03-04T02:00:00Z"), WIRE.readValue("1741053600", Instant.class));
        assertNull(WIRE.readValue("null", Instant.class));
    }

    @Test
    void unreadableTextIsRefusedAsTheJavaTimeModuleRefusesIt() {
        assertThrows(InvalidFormatException.class, () -> WIRE.readValue("\"2025-02-29T00:00:00Z\"", Instant.class));
        assertThrows(InvalidFormatException.class, () -> WIRE.readValue("\"yesterday\"", Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2025-03-04T02:00:00.5Z", "2025-03-04T11:00:00+09:00",
            "2025-03-04T02:00:00.000Z", "2025-03-04T24:00:00Z"})
    void otherIsoFormsStillReadThroughInstantParse(String text) {
        assertEquals(Instant.parse(text), WireInstants.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z",
            "2025-03-04T02:60:00Z", "2025-03-04T02:00:61Z", "2025-03-04 02:00:00Z", "2025-03-0xT02:00:00Z",
            "20250304T020000Z", "not a time"})
    void unreadableTimestampsBecomeNull(String text) {
        assertNull(WireInstants.parseOrNull(text));
    }
}
