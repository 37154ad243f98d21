package dev.marketpipe.loader.collectionlog;

import dev.marketpipe.wire.CollectionAttempt;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import jakarta.ws.rs.BadRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link CollectionAttempt} before it becomes a {@code data_collection_log} row: every value must fit its
 * column, and the enumerated ones (status, source, data type) must be known. All findings in one 400.
 */
public final class CollectionAttemptCheck {

    static final Set<String> STATUSES = Set.of(CollectionLogView.SUCCESS, CollectionLogView.WARNING,
            CollectionLogView.ERROR);
    /** Column widths of migrations V1, V2 and V4. */
    static final int MAX_SYMBOL = 20;
    static final int MAX_INTERVAL = 10;
    static final int MAX_PROVIDER = 40;
    /** A log message is for a person: longer ones are refused rather than cut silently. */
    static final int MAX_MESSAGE = 2000;
    private static final Pattern ERROR_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_SYMBOL + "}");

    private CollectionAttemptCheck() {
    }

    public static void check(CollectionAttempt attempt) {
        if (attempt == null) {
            throw new BadRequestException("a CollectionAttempt JSON body is required");
        }
        List<String> problems = new ArrayList<>();
        if (attempt.symbol() != null && !SYMBOL.matcher(attempt.symbol()).matches()) {
            problems.add("symbol must be 1-" + MAX_SYMBOL + " letters, digits, '.', '_' or '-'");
        }
        if (attempt.interval() != null && (attempt.interval().isBlank() || attempt.interval().length() > MAX_INTERVAL)) {
            problems.add("interval must be 1-" + MAX_INTERVAL + " characters (1m, 5m, 1d)");
        }
        if (attempt.status() == null || !STATUSES.contains(attempt.status())) {
            problems.add("status must be one of success, warning, error");
        }
        if (attempt.dataType() == null) {
            problems.add("dataType is required");
        } else {
            try {
                DataType.fromCode(attempt.dataType());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (attempt.source() != null && !attempt.source().equals(SourceRole.PRIMARY.code())
                && !attempt.source().equals(SourceRole.BACKUP.code())) {
            problems.add("source must be primary or backup");
        }
        if (attempt.provider() != null && (attempt.provider().isBlank() || attempt.provider().length() > MAX_PROVIDER)) {
            problems.add("provider must be 1-" + MAX_PROVIDER + " characters");
        }
        if (attempt.errorType() != null && !ERROR_TYPE.matcher(attempt.errorType()).matches()) {
            problems.add("errorType must be 1-40 lower-case letters, digits or '_'");
        }
        if (CollectionLogView.ERROR.equals(attempt.status()) && attempt.errorType() == null) {
            problems.add("errorType is required when status is error");
        }
        if (attempt.errorMessage() != null && attempt.errorMessage().length() > MAX_MESSAGE) {
            problems.add("errorMessage is longer than " + MAX_MESSAGE + " characters");
        }
        if (attempt.recordsCollected() != null && attempt.recordsCollected() < 0) {
            problems.add("recordsCollected must not be negative");
        }
        if (attempt.executionTimeMs() != null
                && (attempt.executionTimeMs() < 0 || attempt.executionTimeMs() > Integer.MAX_VALUE)) {
            problems.add("executionTimeMs must be 0.." + Integer.MAX_VALUE);
        }
        if (attempt.attempts() != null && attempt.attempts() < 0) {
            problems.add("attempts must not be negative");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
    }
}
