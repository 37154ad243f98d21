package dev.marketpipe.archive.retention;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads one text field of an envelope's {@code metadata} (the envelope file format) without building the raw response:
 * the metadata comes first in every envelope, so the parser stops long before the (possibly large) response.
 */
final class EnvelopeMetadata {

    private static final JsonFactory JSON = new JsonFactory();

    private EnvelopeMetadata() {
    }

    /** The field's text; empty when it is null or missing, or when the bytes are not an envelope (CSV, damaged). */
    static Optional<String> field(byte[] envelope, String name) {
        try (JsonParser parser = JSON.createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() != JsonToken.START_OBJECT || !"metadata".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    if (name.equals(key)) {
                        return parser.currentToken() == JsonToken.VALUE_STRING
                                ? Optional.of(parser.getText()) : Optional.empty();
                    }
                    parser.skipChildren();
                }
                return Optional.empty();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
