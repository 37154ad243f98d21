package dev.marketpipe.provider.kis.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;

/**
 * One record of a data frame: its fields in frame order, named by {@link KisRealtimeColumns}. A record may carry more
 * fields than marketpipe knows (appended by KIS); reading goes by column name.
 */
public record KisRecord(String trId, List<String> fields) {

    /** The field under {@code column}, trimmed; {@code null} when it is blank. */
    public String get(String column) {
        String value = fields.get(KisRealtimeColumns.index(trId, column)).trim();
        return value.isEmpty() ? null : value;
    }

    /** The field as a JSON string node, so the REST answers' lenient readers read it the same way. */
    public JsonNode node(String column) {
        String value = get(column);
        return value == null ? NullNode.getInstance() : TextNode.valueOf(value);
    }
}
