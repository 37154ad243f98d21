package dev.marketpipe.collector.provider;

import static dev.marketpipe.collector.provider.JsonFields.decimal;
import static dev.marketpipe.collector.provider.JsonFields.instant;
import static dev.marketpipe.collector.provider.JsonFields.text;
import static dev.marketpipe.collector.provider.JsonFields.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.Bar;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the spec §1.1 response {@code {status, data[], meta{total_records, page, total_pages}}} into bars. A field
 * that is missing or not readable stays {@code null}: deciding what that means is the validator's job (§5.1).
 */
@ApplicationScoped
public class SpecResponseReader {

    private final ObjectMapper mapper;

    SpecResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode parse(String body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ProviderException.Unavailable(200, "the securities API answered with a body that is not a JSON object");
            }
            if (!"success".equals(root.path("status").asText()) || !root.path("data").isArray()) {
                throw new ProviderException.Unavailable(200,
                        "the securities API answered status '" + root.path("status").asText() + "' without a data array");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ProviderException.Unavailable(200, "the securities API answered with malformed JSON");
        }
    }

    public List<Bar> bars(JsonNode root) {
        List<Bar> bars = new ArrayList<>();
        for (JsonNode record : root.path("data")) {
            bars.add(new Bar(instant(record.get("timestamp")), text(record.get("symbol")),
                    decimal(record.get("open")), decimal(record.get("high")), decimal(record.get("low")),
                    decimal(record.get("close")), whole(record.get("volume")), decimal(record.get("value"))));
        }
        return bars;
    }

    public int totalPages(JsonNode root) {
        return Math.max(1, root.path("meta").path("total_pages").asInt(1));
    }
}
