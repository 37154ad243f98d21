package dev.marketpipe.simulator.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.marketpipe.wire.Bar;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Answer of {@code GET /market/data} in its documented shape (CONTRACTS.md): {@code status}, {@code data}, {@code meta}. */
@RegisterForReflection
public record MarketDataPage(String status, List<Bar> data, Meta meta) {

    public static final String SUCCESS = "success";

    /** Paging of the window: {@code total_records} in the whole window, this {@code page} of {@code limit}. */
    @RegisterForReflection
    public record Meta(
            @JsonProperty("total_records") long totalRecords,
            int page,
            @JsonProperty("total_pages") long totalPages,
            int limit) {
    }
}
