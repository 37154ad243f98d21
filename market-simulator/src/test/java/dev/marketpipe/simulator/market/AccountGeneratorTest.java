package dev.marketpipe.simulator.market;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.market.KrxTickSize;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountGeneratorTest {

    private static final MarketCalendar KRX = MarketCalendar.krx();
    private static final List<String> UNIVERSE = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560");
    private static final Instant AT = Instant.parse("2025-03-04T02:00:00.700Z");

    private static AccountGenerator generator(long seed) {
        return new AccountGenerator(new BarGenerator(seed, KRX, 0.0), UNIVERSE, "12345678-01");
    }

    @Test
    void theSameSeedAndInstantGiveTheSameAccount() {
        assertEquals(generator(7).account(AT), generator(7).account(AT));
        assertEquals(generator(7).positions(AT), generator(7).positions(AT));
        assertNotEquals(generator(7).account(AT), generator(8).account(AT));
    }

    @Test
    void totalIsCashPlusTheValueOfThePositions() {
        AccountGenerator.Account account = generator(7).account(AT);
        List<AccountGenerator.Holding> holdings = generator(7).positions(AT);
        assertEquals(holdings.stream().mapToLong(AccountGenerator.Holding::marketValue).sum(), account.positionsValue());
        assertEquals(account.cash() + account.positionsValue(), account.totalValue());
        assertEquals(holdings.size(), account.positionCount());
        assertEquals(Instant.parse("2025-03-04T02:00:00Z"), account.timestamp());
        for (AccountGenerator.Holding h : holdings) {
            assertEquals(h.quantity() * h.currentPrice(), h.marketValue());
            assertTrue(h.quantity() > 0 && KrxTickSize.isOnGrid(h.averagePrice()));
        }
    }

    @Test
    void ordersLieInTheSessionWithConsistentFills() {
        LocalDate day = LocalDate.parse("2025-03-04");
        Session session = KRX.session(day).orElseThrow();
        List<AccountGenerator.Order> orders = generator(7).orders(day);
        assertTrue(orders.size() > 2);
        for (AccountGenerator.Order o : orders) {
            assertTrue(session.contains(o.orderedAt()), o.toString());
            assertTrue(o.filledQuantity() >= 0 && o.filledQuantity() <= o.quantity(), o.toString());
            assertEquals(o.filledQuantity() == 0, o.filledPrice() == null, o.toString());
        }
        assertEquals(orders.size(), orders.stream().map(AccountGenerator.Order::orderId).distinct().count());
    }

    @Test
    void aHolidayHasNoOrders() {
        assertEquals(List.of(), generator(7).orders(LocalDate.parse("2025-03-01")));
    }
}
