package dev.marketpipe.archive.validator;

import dev.marketpipe.archive.outbox.BatchSink;
import dev.marketpipe.archive.outbox.Delivery;
import dev.marketpipe.archive.outbox.FailureReason;
import dev.marketpipe.wire.CollectedBatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;

/**
 * Hands a batch to the validator and reads its answer the way the outbox needs it — the archive's side of spec
 * §7.1: 2xx acknowledged; no answer, 5xx, 408 and 429 are transient (retry with backoff, honouring
 * {@code Retry-After}); every other 4xx means the batch can never be accepted. No retries here: the outbox owns
 * the retry loop, so a slow validator never holds more than one request per lane.
 */
@Singleton
public class ValidatorSink implements BatchSink {

    private static final int DETAIL_LIMIT = 300;

    private final ValidatorRestClient client;

    @Inject
    public ValidatorSink(@RestClient ValidatorRestClient client) {
        this.client = client;
    }

    @Override
    public Delivery deliver(CollectedBatch batch) {
        try (Response response = client.validate(batch.forwarded())) {
            return classify(response);
        } catch (WebApplicationException e) {
            // the client's default exception mapper turns >= 400 into exceptions; same classification
            return classify(e.getResponse());
        } catch (ProcessingException e) {
            return timedOut(e)
                    ? Delivery.retry(FailureReason.TIMEOUT, 0, null, String.valueOf(e.getMessage()))
                    : Delivery.retry(FailureReason.UNREACHABLE, 0, null, rootMessage(e));
        }
    }

    static Delivery classify(Response response) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return Delivery.acknowledged(status);
        }
        String detail = body(response);
        if (status == 408 || status == 429) {
            return Delivery.retry(FailureReason.THROTTLED, status, retryAfter(response), detail);
        }
        if (status >= 500) {
            return Delivery.retry(FailureReason.SERVER_ERROR, status, retryAfter(response), detail);
        }
        if (status >= 400) {
            return Delivery.rejected(status, detail);
        }
        return Delivery.retry(FailureReason.UNEXPECTED_STATUS, status, null, detail);
    }

    private static Duration retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: rare between our services; the backoff applies
        }
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            String text = response.readEntity(String.class);
            return text.length() > DETAIL_LIMIT ? text.substring(0, DETAIL_LIMIT) + "…" : text;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
