package dev.marketpipe.validator.records;

import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.QualityIssue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderBookRulesTest {

    private static final Instant AT = Instant.parse("2025-03-04T01:00:00Z");

    private static BookLevel level(long price, long quantity) {
        return new BookLevel(BigDecimal.valueOf(price), quantity);
    }

    private static List<String> rules(OrderBookSnapshot book) {
        return OrderBookRules.check(book, "005930").stream().map(QualityIssue::rule).toList();
    }

    @Test
    void aWellFormedBookHasNoFinding() {
        assertEquals(List.of(), rules(new OrderBookSnapshot("005930", AT,
                List.of(level(75_000, 10), level(74_900, 5)), List.of(level(75_100, 3), level(75_200, 8)))));
    }

    @Test
    void bestBidAtOrAboveBestAskIsCrossed() {
        assertEquals(List.of("book_crossed"), rules(new OrderBookSnapshot("005930", AT,
                List.of(level(75_100, 10)), List.of(level(75_100, 3)))));
    }

    @Test
    void bidsNotStrictlyDescendingAreUnordered() {
        assertEquals(List.of("book_unordered"), rules(new OrderBookSnapshot("005930", AT,
                List.of(level(75_000, 10), level(75_000, 5)), List.of(level(75_100, 3)))));
    }

    @Test
    void asksNotStrictlyAscendingAreUnordered() {
        assertEquals(List.of("book_unordered"), rules(new OrderBookSnapshot("005930", AT,
                List.of(level(75_000, 10)), List.of(level(75_200, 3), level(75_100, 3)))));
    }

    @Test
    void aZeroQuantityLevelIsRejected() {
        assertEquals(List.of("quantity_not_positive"), rules(new OrderBookSnapshot("005930", AT,
                List.of(level(75_000, 0)), List.of(level(75_100, 3)))));
    }

    @Test
    void anEmptySideIsRejected() {
        assertEquals(List.of("book_empty"), rules(new OrderBookSnapshot("005930", AT, List.of(),
                List.of(level(75_100, 3)))));
    }

    @Test
    void missingFieldsAreNamed() {
        List<QualityIssue> issues = OrderBookRules.check(new OrderBookSnapshot("005930", null, null,
                List.of(level(75_100, 3))), "005930");
        assertEquals(1, issues.size());
        assertEquals("missing_field", issues.get(0).rule());
        assertEquals("Missing required fields: timestamp, bids", issues.get(0).message());
    }

    @Test
    void anotherSymbolThanTheBatchIsAMismatch() {
        assertEquals(List.of("symbol_mismatch"), OrderBookRules.check(new OrderBookSnapshot("000660", AT,
                List.of(level(75_000, 1)), List.of(level(75_100, 1))), "005930").stream().map(QualityIssue::rule)
                .toList());
    }
}
