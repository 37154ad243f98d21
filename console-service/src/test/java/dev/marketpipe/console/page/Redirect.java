package dev.marketpipe.console.page;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A 303 answer's {@code Location}, taken apart: its path and its query parameters as a browser would read them. */
record Redirect(URI location, Map<String, String> query) {

    /** The {@code See Other} of {@code response}; fails when it is not one. */
    static Redirect of(ExtractableResponse<Response> response) {
        assertEquals(303, response.statusCode(), response.body().asString());
        String location = response.header("Location");
        assertNotNull(location, "a Location header");
        URI uri = URI.create(location);
        assertNull(uri.getRawFragment(), "nothing of the query is lost to a fragment: " + location);
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                query.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return new Redirect(uri, query);
    }

    String path() {
        return location.getRawPath();
    }

    String param(String name) {
        return query.get(name);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
