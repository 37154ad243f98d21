package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * The loader's answer to {@code POST /v1/loads}.
 *
 * @param rowsChanged    market-table rows inserted or whose values changed
 * @param rowsUnchanged  rows already stored with the same values
 * @param duplicate      true when this batch id had already been loaded: nothing was written again
 */
@RegisterForReflection
public record LoadReceipt(UUID batchId, int rowsChanged, int rowsUnchanged, int quarantined, boolean duplicate) {
}
