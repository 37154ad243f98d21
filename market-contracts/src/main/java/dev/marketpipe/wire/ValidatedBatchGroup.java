package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Several verdicts in one request to the loader ({@code POST /v1/loads/groups}), stored in one transaction: every
 * batch keeps its own ledger row, log row and {@link GroupResult}, so idempotency stays per batch id.
 */
@RegisterForReflection
public record ValidatedBatchGroup(List<ValidatedBatch> batches) {
}
