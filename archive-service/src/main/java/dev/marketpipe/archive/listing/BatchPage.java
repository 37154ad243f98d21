package dev.marketpipe.archive.listing;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of {@code GET /v1/batches}.
 *
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 */
@RegisterForReflection
public record BatchPage(LocalDate from, LocalDate to, List<ListedBatch> items, String nextCursor) {
}
