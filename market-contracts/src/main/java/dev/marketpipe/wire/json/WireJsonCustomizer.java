package dev.marketpipe.wire.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Gives every service's application {@link ObjectMapper} (REST server and clients) the {@link WireTimeModule}. */
@Singleton
public class WireJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new WireTimeModule());
    }

    /** Runs after Quarkus' own customizer, which registers the JavaTimeModule this module overrides for instants. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
