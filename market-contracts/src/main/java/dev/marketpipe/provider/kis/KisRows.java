package dev.marketpipe.provider.kis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The record lists of a KIS answer ({@code output}, {@code output1}, {@code output2}: an object or an array). */
final class KisRows {

    private KisRows() {
    }

    /**
     * The records under {@code field}: every element of an array, or the object itself; records whose every field is
     * blank are left out (KIS pads short answers with empty records).
     */
    static List<JsonNode> of(JsonNode raw, String field) {
        JsonNode node = raw.path(field);
        List<JsonNode> rows = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(row -> addUnlessBlank(rows, row));
        } else if (node.isObject()) {
            addUnlessBlank(rows, node);
        }
        return rows;
    }

    /** The first record under {@code field}, or an empty object. */
    static JsonNode first(JsonNode raw, String field) {
        List<JsonNode> rows = of(raw, field);
        return rows.isEmpty() ? JsonNodeFactory.instance.objectNode() : rows.get(0);
    }

    private static void addUnlessBlank(List<JsonNode> rows, JsonNode row) {
        if (!row.isObject()) {
            return;
        }
        for (Iterator<JsonNode> values = row.elements(); values.hasNext(); ) {
            JsonNode value = values.next();
            if (!value.isNull() && !value.asText().isBlank()) {
                rows.add(row);
                return;
            }
        }
    }
}
