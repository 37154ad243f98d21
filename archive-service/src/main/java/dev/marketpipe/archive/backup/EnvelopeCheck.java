package dev.marketpipe.archive.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.Gzip;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether an archive object is intact by its own evidence, without any other copy: an envelope's
 * {@code metadata.raw_sha256} must match the raw response bytes it holds (see
 * {@code EnvelopeFormat}), and a {@code .gz} must be one complete gzip stream of such an envelope. A restore uses
 * this so a copy damaged in the backup target is never written over the live archive.
 */
final class EnvelopeCheck {

    /** The outcome; objects without a checksum of their own (CSV files) are {@link #UNVERIFIABLE}. */
    enum Verdict { INTACT, CORRUPT, UNVERIFIABLE }

    private static final JsonFactory JSON = new JsonFactory();

    private EnvelopeCheck() {
    }

    static Verdict of(String ref, byte[] bytes) {
        if (ref.endsWith(ArchiveStore.GZIP_SUFFIX)) {
            Optional<byte[]> original = Gzip.decompress(bytes);
            return original.isEmpty() ? Verdict.CORRUPT
                    : of(ref.substring(0, ref.length() - ArchiveStore.GZIP_SUFFIX.length()), original.get());
        }
        return ref.endsWith(".json") ? ofEnvelope(bytes) : Verdict.UNVERIFIABLE;
    }

    private static Verdict ofEnvelope(byte[] envelope) {
        String expected = null;
        int rawStart = -1;
        int rawEnd = -1;
        try (JsonParser parser = JSON.createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Verdict.CORRUPT;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
                    expected = rawSha256(parser);
                } else if ("raw_response".equals(field)) {
                    rawStart = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    rawEnd = (int) parser.currentLocation().getByteOffset();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Verdict.CORRUPT;
            }
        } catch (IOException e) {
            return Verdict.CORRUPT; // not JSON (any more)
        }
        if (expected == null) {
            return Verdict.UNVERIFIABLE;
        }
        if (rawStart < 0) {
            return Verdict.CORRUPT;
        }
        return Sha256.hex(Arrays.copyOfRange(envelope, rawStart, rawEnd)).equals(expected)
                ? Verdict.INTACT : Verdict.CORRUPT;
    }

    /** Reads the metadata object, returning its {@code raw_sha256} (null when absent). */
    private static String rawSha256(JsonParser parser) throws IOException {
        String sha = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            if ("raw_sha256".equals(key) && parser.currentToken() == JsonToken.VALUE_STRING) {
                sha = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return sha;
    }
}
