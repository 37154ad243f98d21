package dev.marketpipe.wire.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Jackson (de)serializers for {@link Instant} that take {@link WireInstants}' shortcut for the wire's whole-second
 * UTC form and hand everything else (fractions, offsets, numbers, nulls, {@code WRITE_DATES_AS_TIMESTAMPS}) to the
 * JavaTimeModule's own, so the JSON read and written is unchanged. Registered after the JavaTimeModule, whose
 * {@link Instant} handling it then overrides.
 */
public final class WireTimeModule extends SimpleModule {

    public WireTimeModule() {
        super("marketpipe-wire-time");
        addSerializer(Instant.class, new FastInstantSerializer());
        addDeserializer(Instant.class, new FastInstantDeserializer());
    }

    static final class FastInstantSerializer extends StdSerializer<Instant> {

        FastInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, generator, provider);
            } else {
                generator.writeString(WireInstants.format(value));
            }
        }
    }

    static final class FastInstantDeserializer extends StdScalarDeserializer<Instant> {

        FastInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = WireInstants.parseOrNull(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
