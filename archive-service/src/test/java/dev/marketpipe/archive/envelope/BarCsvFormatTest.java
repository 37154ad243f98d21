package dev.marketpipe.archive.envelope;

import dev.marketpipe.wire.Bar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BarCsvFormatTest {

    @Test
    void barsBecomeTheSpecsColumnsWithDecimalsExactlyAsGiven() {
        List<Bar> bars = List.of(
                new Bar(Instant.parse("2024-01-01T00:00:00Z"), "005930", new BigDecimal("75000"),
                        new BigDecimal("75500"), new BigDecimal("74800"), new BigDecimal("75200.50"), 1_500_000L,
                        new BigDecimal("112800000000")),
                new Bar(Instant.parse("2024-01-01T00:01:00Z"), "005930", new BigDecimal("7.5E+4"),
                        new BigDecimal("75100"), new BigDecimal("75000"), new BigDecimal("75100"), 0L, null));

        assertEquals("timestamp,symbol,open,high,low,close,volume\r\n"
                + "2024-01-01T00:00:00Z,005930,75000,75500,74800,75200.50,1500000\r\n"
                + "2024-01-01T00:01:00Z,005930,75000,75100,75000,75100,0\r\n", text(bars));
    }

    @Test
    void fieldsTheProviderLeftOutStayEmpty() {
        Bar partial = new Bar(Instant.parse("2024-01-01T00:00:00Z"), null, null, null, null, new BigDecimal("1"),
                null, null);

        assertEquals(BarCsvFormat.HEADER + "\r\n2024-01-01T00:00:00Z,,,,,1,\r\n", text(List.of(partial)));
    }

    @Test
    void aSymbolWithACommaOrQuoteIsQuotedAsRfc4180Says() {
        Bar odd = new Bar(Instant.parse("2024-01-01T00:00:00Z"), "A,\"B\"", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, 1L, null);

        assertEquals(BarCsvFormat.HEADER + "\r\n2024-01-01T00:00:00Z,\"A,\"\"B\"\"\",1,1,1,1,1\r\n",
                text(List.of(odd)));
    }

    @Test
    void noBarsIsTheHeaderAlone() {
        assertEquals(BarCsvFormat.HEADER + "\r\n", text(List.of()));
    }

    private static String text(List<Bar> bars) {
        return new String(BarCsvFormat.render(bars), StandardCharsets.UTF_8);
    }
}
