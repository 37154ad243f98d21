package dev.marketpipe.archive.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Keeps numbers of the raw response as they were sent (the archive holds the original response):
 * decimals are read as {@code BigDecimal} with their scale, so {@code 75200.50} is archived as {@code 75200.50}
 * and not as the double {@code 75200.5}.
 */
@Singleton
public class RawJsonFidelity implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The settings, also for code outside CDI (unit tests build their own mapper with this). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** A mapper configured like the application's, for code and tests outside CDI. */
    public static ObjectMapper newMapper() {
        return apply(new ObjectMapper());
    }
}
