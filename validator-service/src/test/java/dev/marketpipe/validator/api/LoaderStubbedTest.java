package dev.marketpipe.validator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.validator.validation.LoaderPreviousCloses;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * What the tests of the validation API start from: WireMock as the loader ({@link LoaderWireMock}), emptied before
 * each test together with the validator's cached previous closes and its circuit breakers, so no test sees another's
 * stubs, closes or open breaker.
 */
abstract class LoaderStubbedTest {

    /** The loader's receipt: batch id, rows changed, records quarantined. */
    static final String RECEIPT = """
            {"batchId":"%s","rowsChanged":%d,"rowsUnchanged":0,"quarantined":%d,"duplicate":false}""";

    @LoaderWireMock.InjectLoader
    WireMockServer loader;

    @Inject
    ObjectMapper json;

    @Inject
    LoaderPreviousCloses previousCloses;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void resetLoader() {
        loader.resetAll();
        previousCloses.clear();
        breakers.resetAll();
    }

    /** The loader stores any verdict it is sent with this receipt. */
    void loaderAccepts(CollectedBatch batch, int rows, int quarantined) {
        loader.stubFor(post(urlEqualTo("/v1/loads"))
                .willReturn(okJson(RECEIPT.formatted(batch.batchId(), rows, quarantined))));
    }
}
