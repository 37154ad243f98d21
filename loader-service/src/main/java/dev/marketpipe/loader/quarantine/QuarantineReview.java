package dev.marketpipe.loader.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.loader.load.BarUpserter;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.loader.push.BarEvents;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QuarantineStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A reviewer's decision on a quarantined record (manual review): approving loads the record into its
 * market table through the loader's own upsert ({@link BarUpserter}), so an approved bar is stored exactly as an
 * accepted one would have been; rejecting only records the verdict. Either way the row keeps who decided and when.
 * A decision is final: the same decision again answers the stored one unchanged, the opposite one is a conflict.
 */
@ApplicationScoped
public class QuarantineReview {

    private static final Set<String> UNDECIDED = Set.of(QuarantineStatus.QUARANTINED.code(),
            QuarantineStatus.REVIEW.code());

    private final DataSource dataSource;
    private final QuarantineReader reader;
    private final BarUpserter upserter;
    private final ObjectMapper json;

    public QuarantineReview(DataSource dataSource, QuarantineReader reader, BarUpserter upserter, ObjectMapper json) {
        this.dataSource = dataSource;
        this.reader = reader;
        this.upserter = upserter;
        this.json = json;
    }

    @Transactional
    public QuarantineEntry approve(long id, String reviewer) {
        return decide(id, QuarantineStatus.APPROVED, reviewer);
    }

    @Transactional
    public QuarantineEntry reject(long id, String reviewer) {
        return decide(id, QuarantineStatus.REJECTED, reviewer);
    }

    private QuarantineEntry decide(long id, QuarantineStatus decision, String reviewer) {
        // Agroal hands every getConnection() of this transaction the same enlisted connection.
        try (Connection connection = dataSource.getConnection()) {
            QuarantineEntry entry = reader.find(connection, id, true)
                    .orElseThrow(() -> new NotFoundException("no quarantined record " + id));
            if (entry.status().equals(decision.code())) {
                return entry; // decided this way before: nothing new
            }
            if (!UNDECIDED.contains(entry.status())) {
                throw new ClientErrorException("quarantined record " + id + " was already " + entry.status()
                        + " by " + entry.decidedBy() + " at " + entry.decidedAt() + "; a decision is final",
                        Response.Status.CONFLICT);
            }
            if (decision == QuarantineStatus.APPROVED) {
                load(connection, entry);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE quarantine SET status = ?, decided_by = ?, decided_at = now() WHERE id = ?")) {
                update.setString(1, decision.code());
                update.setString(2, reviewer);
                update.setLong(3, id);
                update.executeUpdate();
            }
            return reader.find(connection, id, false).orElseThrow();
        } catch (SQLException e) {
            throw new DatabaseException("deciding on quarantined record " + id + " failed", e);
        }
    }

    private void load(Connection connection, QuarantineEntry entry) throws SQLException {
        if (!DataType.MARKET_DATA.code().equals(entry.dataType())) {
            throw unprocessable("only market bars (1m, 5m, 1d) can be approved so far; record " + entry.id()
                    + " is " + entry.dataType());
        }
        MarketTable table = MarketTable.of(BarInterval.fromCode(entry.interval()));
        Bar bar;
        try {
            bar = json.treeToValue(entry.record(), Bar.class);
        } catch (JsonProcessingException e) {
            throw unprocessable("record " + entry.id() + " is not a bar: " + e.getOriginalMessage());
        }
        List<String> missing = missingFields(bar);
        if (!missing.isEmpty()) {
            throw unprocessable("record " + entry.id() + " cannot be loaded: it has no " + String.join(", ", missing));
        }
        upserter.upsert(connection, table, entry.symbol(), List.of(new AcceptedBar(bar, List.of())));
        BarEvents.changed(connection, entry.symbol(), BarInterval.fromCode(entry.interval()), bar.timestamp(),
                bar.timestamp(), MarketTable.REST); // an approved bar reaches the push stream like a loaded one
    }

    /**
     * The market tables' NOT NULL columns the bar lacks: the required fields but the symbol,
     * which the quarantine row carries itself.
     */
    private static List<String> missingFields(Bar bar) {
        List<String> missing = new ArrayList<>(bar.missingRequiredFields());
        missing.remove("symbol");
        return missing;
    }

    private static ClientErrorException unprocessable(String detail) {
        return new ClientErrorException(detail, 422);
    }
}
