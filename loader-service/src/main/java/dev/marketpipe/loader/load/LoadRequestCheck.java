package dev.marketpipe.loader.load;

import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BatchEnvelopeCheck;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.ws.rs.BadRequestException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link ValidatedBatch} before anything is written. A missing envelope field is a malformed request
 * (400); an accepted bar that could not be stored exactly as received (a null OHLCV field, more decimals than
 * the {@code NUMERIC(15, 2)} columns hold) or a data type the loader does not handle yet is 422.
 */
public final class LoadRequestCheck {

    /** Longest symbol the tables hold ({@code VARCHAR(20)}). */
    public static final int MAX_SYMBOL_LENGTH = 20;
    /** Integer digits of {@code NUMERIC(15, 2)} and {@code NUMERIC(20, 2)}. */
    private static final int PRICE_INTEGER_DIGITS = 13;
    private static final int VALUE_INTEGER_DIGITS = 18;
    private static final int COLUMN_SCALE = 2;
    /** Detail strings name at most this many findings, so a 1000-bar batch of bad bars stays readable. */
    private static final int MAX_FINDINGS = 5;

    private LoadRequestCheck() {
    }

    public static void check(ValidatedBatch batch) {
        if (batch == null) {
            throw new BadRequestException("a ValidatedBatch JSON body is required");
        }
        List<String> missing = new ArrayList<>(BatchEnvelopeCheck.missing(BatchEnvelopeCheck.of(batch)));
        boolean bars = BatchEnvelopeCheck.isBars(batch.dataType());
        if (bars && batch.accepted() == null) {
            missing.add("accepted");
        }
        if (bars && batch.quarantined() == null) {
            missing.add("quarantined");
        }
        if (!bars && (batch.acceptedRecords() == null || batch.acceptedRecords().of(batch.dataType()) == null)) {
            missing.add("acceptedRecords");
        }
        if (!bars && batch.quarantinedRecords() == null) {
            missing.add("quarantinedRecords");
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException("missing required field(s): " + String.join(", ", missing));
        }
        if (batch.symbol() != null && batch.symbol().length() > MAX_SYMBOL_LENGTH) {
            throw new BadRequestException("symbol is longer than " + MAX_SYMBOL_LENGTH + " characters");
        }
        if (batch.recordsReceived() < 0 || batch.apiLatencyMs() < 0) {
            throw new BadRequestException("recordsReceived and apiLatencyMs must not be negative");
        }
        List<String> findings = new ArrayList<>();
        if (bars) {
            for (int i = 0; i < batch.accepted().size(); i++) {
                checkAccepted(batch, i, batch.accepted().get(i), findings);
            }
            for (int i = 0; i < batch.quarantined().size(); i++) {
                checkQuarantined(i, batch.quarantined().get(i), findings);
            }
        } else {
            RecordCheck.check(batch, findings);
        }
        if (!findings.isEmpty()) {
            String detail = String.join("; ", findings.subList(0, Math.min(MAX_FINDINGS, findings.size())));
            if (findings.size() > MAX_FINDINGS) {
                detail += "; and " + (findings.size() - MAX_FINDINGS) + " more";
            }
            throw new UnprocessableBatchException(detail);
        }
    }

    private static void checkAccepted(ValidatedBatch batch, int index, AcceptedBar accepted, List<String> findings) {
        String where = "accepted[" + index + "]";
        if (accepted == null || accepted.bar() == null) {
            findings.add(where + ": no bar");
            return;
        }
        Bar bar = accepted.bar();
        List<String> nulls = new ArrayList<>();
        if (bar.timestamp() == null) {
            nulls.add("timestamp");
        }
        if (bar.open() == null) {
            nulls.add("open");
        }
        if (bar.high() == null) {
            nulls.add("high");
        }
        if (bar.low() == null) {
            nulls.add("low");
        }
        if (bar.close() == null) {
            nulls.add("close");
        }
        if (bar.volume() == null) {
            nulls.add("volume");
        }
        if (!nulls.isEmpty()) {
            findings.add(where + ": accepted bar without " + String.join(", ", nulls));
            return;
        }
        if (bar.symbol() != null && !bar.symbol().equals(batch.symbol())) {
            findings.add(where + ": symbol '" + bar.symbol() + "' differs from the batch symbol");
        }
        // PostgreSQL keeps microseconds; a finer instant would be stored as a different bar start.
        if (bar.timestamp().getNano() % 1_000 != 0) {
            findings.add(where + ": timestamp finer than a microsecond");
        }
        checkFits(where, "open", bar.open(), PRICE_INTEGER_DIGITS, findings);
        checkFits(where, "high", bar.high(), PRICE_INTEGER_DIGITS, findings);
        checkFits(where, "low", bar.low(), PRICE_INTEGER_DIGITS, findings);
        checkFits(where, "close", bar.close(), PRICE_INTEGER_DIGITS, findings);
        if (bar.value() != null) {
            checkFits(where, "value", bar.value(), VALUE_INTEGER_DIGITS, findings);
        }
    }

    /** The database would round or refuse a number that does not fit its column: refuse it here, by name. */
    private static void checkFits(String where, String field, BigDecimal number, int integerDigits,
            List<String> findings) {
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() > COLUMN_SCALE) {
            findings.add(where + ": " + field + " has more than " + COLUMN_SCALE + " decimal places");
        } else if (plain.precision() - plain.scale() > integerDigits) {
            findings.add(where + ": " + field + " is too large");
        }
    }

    private static void checkQuarantined(int index, QuarantinedBar quarantined, List<String> findings) {
        String where = "quarantined[" + index + "]";
        if (quarantined == null || quarantined.bar() == null) {
            findings.add(where + ": no bar");
        } else if (quarantined.status() == null) {
            findings.add(where + ": no status");
        } else if (quarantined.issues() == null || quarantined.issues().isEmpty()) {
            findings.add(where + ": no reasons (issues)");
        }
    }
}
