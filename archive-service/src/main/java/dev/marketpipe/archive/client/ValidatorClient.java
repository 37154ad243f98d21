package dev.marketpipe.archive.client;

import dev.marketpipe.archive.metrics.FailureReason;
import dev.marketpipe.archive.outbox.BatchSink;
import dev.marketpipe.archive.outbox.Delivery;
import dev.marketpipe.wire.BatchGroup;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.GroupResult;
import dev.marketpipe.wire.GroupResults;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The archive's client of the validator: hands a batch over through {@link ValidatorRestClient} and reads the
 * answer the way the outbox needs it, by the pipeline's rules for calls between services: 2xx acknowledged; no
 * answer, 5xx, 408 and 429 are transient (retry with backoff, honouring {@code Retry-After}); every other 4xx means
 * the batch can never be accepted. No retries here: the outbox owns the retry loop, so a slow validator never holds
 * more than one request per lane.
 */
@Singleton
public class ValidatorClient implements BatchSink {

    private static final Logger LOG = Logger.getLogger(ValidatorClient.class);
    private static final int DETAIL_LIMIT = 300;
    /** After a validator answered that it has no group endpoint, batches go one by one for this long. */
    private static final Duration GROUPS_REFUSED_FOR = Duration.ofMinutes(5);

    private final ValidatorRestClient client;
    private volatile long groupsRefusedUntil = System.nanoTime();

    @Inject
    public ValidatorClient(@RestClient ValidatorRestClient client) {
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
            return unanswered(e);
        }
    }

    /**
     * One {@code POST /v1/validations/groups} for the batches, one {@link Delivery} each from the validator's per-batch
     * results. An answer for the whole group (503, no answer) applies to every batch. A group the validator refuses as
     * a whole (a 4xx other than 408/429: a validator without the endpoint, or a group larger than it takes) is sent
     * again one batch at a time, so that only a batch refused on its own is ever dead-lettered.
     */
    @Override
    public List<Delivery> deliverAll(List<CollectedBatch> batches) {
        if (batches.size() <= 1 || System.nanoTime() - groupsRefusedUntil < 0) {
            return BatchSink.super.deliverAll(batches);
        }
        BatchGroup group = new BatchGroup(batches.stream().map(CollectedBatch::forwarded).toList());
        try (Response response = client.validateGroup(group)) {
            return groupAnswer(response, batches);
        } catch (WebApplicationException e) {
            return groupAnswer(e.getResponse(), batches);
        } catch (ProcessingException e) {
            return Collections.nCopies(batches.size(), unanswered(e));
        }
    }

    private List<Delivery> groupAnswer(Response response, List<CollectedBatch> batches) {
        int status = response.getStatus();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            if (status == 404 || status == 405) {
                groupsRefusedUntil = System.nanoTime() + GROUPS_REFUSED_FOR.toNanos();
                LOG.infof("the validator has no group endpoint (HTTP %d): batches go one by one for %d min", status,
                        GROUPS_REFUSED_FOR.toMinutes());
            } else {
                LOG.warnf("the validator refused a group of %d batches (HTTP %d: %s); sending them one by one",
                        batches.size(), status, body(response));
            }
            return BatchSink.super.deliverAll(batches);
        }
        if (status < 200 || status >= 300) {
            return Collections.nCopies(batches.size(), classify(response));
        }
        Map<UUID, GroupResult> results = new HashMap<>();
        for (GroupResult result : response.readEntity(GroupResults.class).results()) {
            results.put(result.batchId(), result);
        }
        List<Delivery> deliveries = new ArrayList<>(batches.size());
        for (CollectedBatch batch : batches) {
            GroupResult result = results.get(batch.batchId());
            deliveries.add(result == null
                    ? Delivery.retry(FailureReason.UNEXPECTED_STATUS, status, null, "no result for the batch")
                    : classify(result.status(), null, result.detail() == null ? "" : result.detail()));
        }
        return deliveries;
    }

    static Delivery classify(Response response) {
        int status = response.getStatus();
        return status >= 200 && status < 300 ? Delivery.acknowledged(status)
                : classify(status, retryAfter(response), body(response));
    }

    /** The classification of a status: a whole answer's, or one batch's in a group's results. */
    private static Delivery classify(int status, Duration retryAfter, String detail) {
        if (status >= 200 && status < 300) {
            return Delivery.acknowledged(status);
        }
        if (status == 408 || status == 429) {
            return Delivery.retry(FailureReason.THROTTLED, status, retryAfter, detail);
        }
        if (status >= 500) {
            return Delivery.retry(FailureReason.SERVER_ERROR, status, retryAfter, detail);
        }
        if (status >= 400) {
            return Delivery.rejected(status, detail);
        }
        return Delivery.retry(FailureReason.UNEXPECTED_STATUS, status, null, detail);
    }

    /** No answer: a timeout or an unreachable validator, both tried again. */
    private static Delivery unanswered(ProcessingException e) {
        return timedOut(e)
                ? Delivery.retry(FailureReason.TIMEOUT, 0, null, String.valueOf(e.getMessage()))
                : Delivery.retry(FailureReason.UNREACHABLE, 0, null, rootMessage(e));
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
