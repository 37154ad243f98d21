package dev.marketpipe.collector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

/** The {@code POST /v1/collection-log} bodies the collector sent to the (WireMock) loader. */
public final class CollectionLogRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectionLogRows() {
    }

    public static List<JsonNode> all(WireMockServer wireMock) {
        List<JsonNode> rows = new ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlEqualTo("/v1/collection-log")))) {
            try {
                rows.add(JSON.readTree(request.getBodyAsString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    /** Waits until exactly {@code n} rows were posted (they are sent in the background) and returns them. */
    public static List<JsonNode> awaitRows(WireMockServer wireMock, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> all(wireMock).size() >= n);
        List<JsonNode> rows = all(wireMock);
        if (rows.size() != n) {
            throw new AssertionError("expected " + n + " collection-log rows, got " + rows);
        }
        return rows;
    }
}
