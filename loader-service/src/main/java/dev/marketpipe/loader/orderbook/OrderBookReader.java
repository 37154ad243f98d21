package dev.marketpipe.loader.orderbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The newest stored order-book snapshot of a symbol (table {@code orderbook_snapshot}, migration V3), for the
 * trading system's {@code GET /v1/orderbooks/latest}. The levels come back as written: best first, from JSONB.
 */
@ApplicationScoped
public class OrderBookReader {

    /** One backward probe of the unique {@code (symbol, timestamp)} index. */
    private static final String LATEST = "SELECT symbol, \"timestamp\", bids::text, asks::text FROM orderbook_snapshot "
            + "WHERE symbol = ? ORDER BY \"timestamp\" DESC LIMIT 1";
    private static final TypeReference<List<BookLevel>> LEVELS = new TypeReference<>() { };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public OrderBookReader(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Optional<OrderBookSnapshot> latest(String symbol) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LATEST)) {
            query.setString(1, symbol);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OrderBookSnapshot(row.getString(1),
                        row.getObject(2, OffsetDateTime.class).toInstant(), levels(row.getString(3)),
                        levels(row.getString(4))));
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the latest order book failed", e);
        }
    }

    private List<BookLevel> levels(String stored) {
        try {
            return json.readValue(stored, LEVELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("orderbook_snapshot holds levels that are not a JSON list", e);
        }
    }
}
