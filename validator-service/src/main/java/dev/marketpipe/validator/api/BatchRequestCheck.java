package dev.marketpipe.validator.api;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code POST /v1/validations} body must satisfy before any rule runs. A malformed request is a 400; a
 * well-formed batch of a kind the validator has no rules for yet is a 422, so the archive's outbox can tell the
 * two apart from "try again later".
 */
final class BatchRequestCheck {

    private BatchRequestCheck() {
    }

    static void check(CollectedBatch batch) {
        if (batch == null) {
            throw new BadRequestException("the request body must be a CollectedBatch");
        }
        List<String> missing = new ArrayList<>();
        if (batch.batchId() == null) {
            missing.add("batchId");
        }
        if (batch.dataType() == null) {
            missing.add("dataType");
        }
        if (batch.interval() == null) {
            missing.add("interval");
        }
        if (batch.symbol() == null || batch.symbol().isBlank()) {
            missing.add("symbol");
        }
        if (batch.bars() == null) {
            missing.add("bars");
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException("missing required field" + (missing.size() > 1 ? "s: " : ": ")
                    + String.join(", ", missing));
        }
        List<Bar> bars = batch.bars();
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i) == null) {
                throw new BadRequestException("bars[" + i + "] is null");
            }
        }
        if (batch.windowStart() != null && batch.windowEnd() != null
                && batch.windowEnd().isBefore(batch.windowStart())) {
            throw new BadRequestException("windowEnd " + batch.windowEnd() + " is before windowStart "
                    + batch.windowStart());
        }
        if (batch.dataType() != DataType.MARKET_DATA) {
            throw unprocessable("the validator has rules for market_data batches only, not "
                    + batch.dataType().code());
        }
    }

    /** 422: the request is understood, but can never be processed as it is. */
    static WebApplicationException unprocessable(String detail) {
        return new WebApplicationException(detail, Response.status(422, "Unprocessable Entity").build());
    }
}
