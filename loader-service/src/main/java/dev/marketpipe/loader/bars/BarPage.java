package dev.marketpipe.loader.bars;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /v1/bars}: the bars, in time order, and where the next page starts if there are more.
 *
 * @param next empty on the last page
 */
public record BarPage(List<StoredBar> bars, Optional<BarCursor> next) {
}
