package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * What became of one batch of a {@link BatchGroup}: {@code status} is the HTTP status the batch would have got on its
 * own ({@code 200} with the loader's {@code receipt}, or a 4xx with the reason in {@code detail}: refused for good).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupResult(UUID batchId, int status, LoadReceipt receipt, String detail) {

    public static GroupResult loaded(LoadReceipt receipt) {
        return new GroupResult(receipt.batchId(), 200, receipt, null);
    }

    public static GroupResult refused(UUID batchId, int status, String detail) {
        return new GroupResult(batchId, status, null, detail);
    }
}
