package dev.marketpipe.archive.store.s3;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ArchiveStoreContract;
import dev.marketpipe.archive.store.StoredEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store contract on an S3 bucket (s3proxy in-process, a fresh bucket per test, objects below a key prefix as
 * when several archives share one bucket), plus what only S3 has: conditional writes and the start-up probe.
 */
class S3ArchiveStoreTest extends ArchiveStoreContract {

    private static final String PREFIX = "replica-a";

    private static InProcessS3 s3;
    private static S3Client client;

    private String bucket;

    @BeforeAll
    static void startS3() {
        s3 = InProcessS3.start();
        client = s3.client();
    }

    @AfterAll
    static void stopS3() throws Exception {
        client.close();
        s3.close();
    }

    @Override
    protected ArchiveStore createStore() {
        bucket = s3.newBucket();
        return S3ArchiveStore.open(s3.settings(bucket, PREFIX, true));
    }

    @Test
    void s3proxyRefusesASecondPutWithIfNoneMatch() {
        client.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("first"));

        S3Exception refused = assertThrows(S3Exception.class, () ->
                client.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("second")));

        assertEquals(412, refused.statusCode());
        assertEquals("first", client.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
    }

    @Test
    void s3proxyLetsExactlyOneOfManyConcurrentConditionalPutsWin() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String content = "writer-" + i;
                statuses.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    try {
                        client.putObject(b -> b.bucket(bucket).key("race").ifNoneMatch("*"),
                                RequestBody.fromString(content));
                        return 200;
                    } catch (S3Exception e) {
                        return e.statusCode();
                    }
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertEquals(1, answers.stream().filter(s -> s == 200).count(), answers.toString());
            assertEquals(writers - 1, answers.stream().filter(s -> s == 412).count(), answers.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void objectsAreKeyedByTheirRefsBelowTheKeyPrefixAndTheProbeLeavesNothing() throws Exception {
        StoredEnvelope stored = store.put(KEY, bytes("first"));

        List<String> keys = client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList();

        assertEquals(List.of(PREFIX + "/" + stored.archiveRef()), keys);
    }

    @Test
    void aNameHoldingExactlyOurBytesIsOurOwnRetriedPutNotASecondEnvelope() throws IOException {
        store.replace(KEY.ref(1), bytes("mine")); // what a PUT whose answer was lost leaves behind

        StoredEnvelope stored = store.put(KEY, bytes("mine"));

        assertEquals(KEY.ref(1), stored.archiveRef());
        assertEquals(1, store.list("raw/").size());
    }

    @Test
    void withoutConditionalWritesATakenNameIsStillSkipped() throws Exception {
        try (S3ArchiveStore checkThenWrite = new S3ArchiveStore(s3.client(), bucket, "", false)) {
            checkThenWrite.replace(KEY.ref(1), bytes("someone else's"));

            StoredEnvelope stored = checkThenWrite.put(KEY, bytes("mine"));

            assertEquals(KEY.ref(2), stored.archiveRef());
            assertEquals("someone else's", new String(checkThenWrite.read(KEY.ref(1))));
        }
    }

    @Test
    void aBucketThatCannotBeWrittenStopsTheStoreFromOpening() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> S3ArchiveStore.open(s3.settings("no-such-bucket", "", true)));

        assertTrue(e.getMessage().contains("cannot write to S3 bucket no-such-bucket"), e.getMessage());
    }

    @Test
    void aServiceThatIgnoresIfNoneMatchIsRefusedAtStart() {
        WireMockServer overwriting = new WireMockServer(options().dynamicPort());
        overwriting.start();
        try {
            overwriting.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> S3ArchiveStore.open(
                    InProcessS3.settings(java.net.URI.create(overwriting.baseUrl()), "b", "", true)));

            assertTrue(e.getMessage().contains("accepted a second PUT with If-None-Match"), e.getMessage());
        } finally {
            overwriting.stop();
        }
    }

    @Test
    void aServiceWithoutConditionalWritesIsRefusedAtStartNamingTheWayOut() {
        WireMockServer unconditional = new WireMockServer(options().dynamicPort());
        unconditional.start();
        try {
            unconditional.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
            unconditional.stubFor(put(anyUrl()).inScenario("probe").whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo("written").willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));
            unconditional.stubFor(put(anyUrl()).inScenario("probe").whenScenarioStateIs("written")
                    .willReturn(aResponse().withStatus(501).withHeader("Content-Type", "application/xml")
                            .withBody("<Error><Code>NotImplemented</Code><Message>no conditional writes</Message>"
                                    + "</Error>")));

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> S3ArchiveStore.open(
                    InProcessS3.settings(java.net.URI.create(unconditional.baseUrl()), "b", "", true)));

            assertTrue(e.getMessage().contains("HTTP 501"), e.getMessage());
            assertTrue(e.getMessage().contains("marketpipe.archive.s3.conditional-writes=false"), e.getMessage());
        } finally {
            unconditional.stop();
        }
    }
}
