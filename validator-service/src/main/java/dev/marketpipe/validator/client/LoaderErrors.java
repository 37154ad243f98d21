package dev.marketpipe.validator.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/**
 * How an error answer of the loader is read: 5xx means "try again later" (the loader or its database is down),
 * 4xx means the loader will never take this request and its problem JSON {@code detail} says why.
 */
final class LoaderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 500;

    private LoaderErrors() {
    }

    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new LoaderUnavailableException("loader answered " + status);
        }
        return new LoaderRejectedException(status, detailOf(response));
    }

    private static String detailOf(Response response) {
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException e) {
            return "no detail";
        }
        if (body == null || body.isBlank()) {
            return "no detail";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (Exception notJson) {
            // fall through: a plain-text error body is still the best detail there is
        }
        return body.length() > MAX_DETAIL ? body.substring(0, MAX_DETAIL) + "…" : body;
    }
}
