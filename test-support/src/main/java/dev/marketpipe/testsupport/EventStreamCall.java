package dev.marketpipe.testsupport;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A GET of an operation that answers server-sent events: a 200 is a stream that does not end, so only its status
 * is read and the connection closed; any other answer is read whole (a problem JSON to check).
 */
final class EventStreamCall {

    record Answer(int status, String body) {
    }

    private EventStreamCall() {
    }

    static Answer get(String path, Map<String, String> query, String token) {
        String parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path
                + (parameters.isEmpty() ? "" : "?" + parameters));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                String text = answer.statusCode() == 200 ? ""
                        : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(answer.statusCode(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
