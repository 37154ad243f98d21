package dev.marketpipe.validator.api;

import dev.marketpipe.wire.BatchEnvelopeCheck;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@code POST /v1/validations} body must satisfy before any rule runs. A malformed request is a 400; a
 * well-formed batch of a kind the validator has no rules for yet is a 422, so the archive's outbox can tell the
 * two apart from "try again later".
 */
final class BatchRequestCheck {

    /** The JSON name of each non-bar data type's list in {@code records}. */
    private static final Map<DataType, String> RECORD_LISTS = Map.of(DataType.ORDERBOOK, "orderBooks",
            DataType.ACCOUNT_INFO, "accounts", DataType.POSITIONS, "positions", DataType.ORDERS, "orders", DataType.TICKS, "ticks");

    private BatchRequestCheck() {
    }

    static void check(CollectedBatch batch) {
        if (batch == null) {
            throw new BadRequestException("the request body must be a CollectedBatch");
        }
        List<BatchEnvelopeCheck.Problem> problems = BatchEnvelopeCheck.of(batch);
        boolean bars = BatchEnvelopeCheck.isBars(batch.dataType());
        String name = bars ? "bars" : "records." + RECORD_LISTS.get(batch.dataType());
        List<?> records = bars ? batch.bars() : batch.records() == null ? null : batch.records().of(batch.dataType());
        List<String> missing = new ArrayList<>(BatchEnvelopeCheck.missing(problems));
        if (records == null) {
            missing.add(name);
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException("missing required field" + (missing.size() > 1 ? "s: " : ": ")
                    + String.join(", ", missing));
        }
        BatchEnvelopeCheck.nullElement(name, records).ifPresent(problem -> {
            throw new BadRequestException(problem.field() + " is null");
        });
        if (BatchEnvelopeCheck.has(problems, BatchEnvelopeCheck.Kind.ENDS_BEFORE_START)) {
            throw new BadRequestException("windowEnd " + batch.windowEnd() + " is before windowStart "
                    + batch.windowStart());
        }
    }

    /** 422: the request is understood, but can never be processed as it is. */
    static WebApplicationException unprocessable(String detail) {
        return new WebApplicationException(detail, Response.status(422, "Unprocessable Entity").build());
    }
}
