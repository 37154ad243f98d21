package dev.marketpipe.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;

import java.util.List;

/**
 * How to read one securities API's raw responses into wire records. Written once per provider and used by both
 * the collector (when the answer arrives) and the archive's replay (when an archived answer is read again), so the
 * two can never read one response differently. Readers are lenient per field: a missing or unreadable field stays
 * {@code null} for the validator to judge (required fields); no value is invented.
 */
public interface ResponseFormat {

    /** The format's name, the provider type that speaks it ({@code spec}, {@code kis}). */
    String name();

    /** Whether {@code raw} is a response of this format (each format's answers carry a mark of their own). */
    boolean recognises(JsonNode raw);

    /** The final bars of a market-data response, oldest first. */
    List<Bar> bars(JsonNode raw, ResponseContext context);

    /** The records of an order-book or account response, any account number masked. */
    BatchRecords records(DataType type, JsonNode raw, ResponseContext context);
}
