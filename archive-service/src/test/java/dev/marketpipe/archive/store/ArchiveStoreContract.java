package dev.marketpipe.archive.store;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.envelope.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link ArchiveStore} must do, whatever keeps the bytes. Each backend's test extends this class and
 * says how to build a fresh, empty store; the backend's own peculiarities are tested next to it.
 */
public abstract class ArchiveStoreContract {

    protected static final ArchiveKey KEY =
            ArchiveKey.of("market_data", "005930", Instant.parse("2025-03-04T00:00:00Z"));

    protected final EnvelopeFormat format = new EnvelopeFormat(TestBatches.mapper());

    protected ArchiveStore store;

    /** A new store with nothing in it. */
    protected abstract ArchiveStore createStore() throws Exception;

    @BeforeEach
    void createTheStore() throws Exception {
        store = createStore();
    }

    @AfterEach
    void closeTheStore() throws IOException {
        if (store instanceof Closeable closeable) {
            closeable.close();
        }
    }

    @Test
    void publishesUnderTheKeysNameWithChecksumAndSize() throws IOException {
        byte[] envelope = bytes("first");

        StoredEnvelope stored = store.put(KEY, envelope);

        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000.json", stored.archiveRef());
        assertArrayEquals(envelope, store.read(stored.archiveRef()));
        assertEquals(Sha256.hex(envelope), stored.sha256());
        assertEquals(envelope.length, stored.bytes());
    }

    @Test
    void takenNameGetsTheNextSuffixAndEveryObjectStaysIntact() throws IOException {
        StoredEnvelope first = store.put(KEY, bytes("first"));
        StoredEnvelope second = store.put(KEY, bytes("second"));
        StoredEnvelope third = store.put(KEY, bytes("third"));

        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000_2.json", second.archiveRef());
        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000_3.json", third.archiveRef());
        assertEquals("first", text(first.archiveRef()));
        assertEquals("second", text(second.archiveRef()));
        assertEquals("third", text(third.archiveRef()));
    }

    @Test
    void anObjectThatAppearedUnderTheNameIsNeverOverwritten() throws IOException {
        store.replace(KEY.ref(1), bytes("someone else's")); // e.g. another replica, or a restore

        StoredEnvelope stored = store.put(KEY, bytes("mine"));

        assertEquals(KEY.ref(2), stored.archiveRef());
        assertEquals("someone else's", text(KEY.ref(1)));
        assertEquals("mine", text(stored.archiveRef()));
    }

    @Test
    void concurrentPublishersUnderOneNameEachGetTheirOwnObject() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<StoredEnvelope>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String content = "writer-" + i;
                results.add(pool.submit((Callable<StoredEnvelope>) () -> {
                    start.await();
                    return store.put(KEY, bytes(content));
                }));
            }
            start.countDown();
            Set<String> refs = new HashSet<>();
            Set<String> contents = new HashSet<>();
            for (Future<StoredEnvelope> result : results) {
                StoredEnvelope stored = result.get();
                refs.add(stored.archiveRef());
                contents.add(text(stored.archiveRef()));
            }
            assertEquals(writers, refs.size(), "one object per writer");
            assertEquals(writers, contents.size(), "no object overwritten by another writer");
            assertEquals(writers, store.list("raw/").size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findsTheEnvelopeOfABatchAmongTheNamesOfItsKey() throws IOException {
        UUID wanted = UUID.randomUUID();
        store.put(KEY, format.render(TestBatches.batch(UUID.randomUUID(), "005930", "2025-03-04T00:00:00Z")));
        StoredEnvelope published =
                store.put(KEY, format.render(TestBatches.batch(wanted, "005930", "2025-03-04T00:00:00Z")));
        store.put(ArchiveKey.of("market_data", "005930", Instant.parse("2025-03-04T00:01:00Z")),
                format.render(TestBatches.batch(UUID.randomUUID(), "005930", "2025-03-04T00:01:00Z")));

        assertEquals(published, store.find(KEY, wanted).orElseThrow());
        assertTrue(store.find(KEY, UUID.randomUUID()).isEmpty());
        assertTrue(store.find(ArchiveKey.of("market_data", "000660", Instant.parse("2025-03-04T00:00:00Z")), wanted)
                .isEmpty(), "a key with no objects at all");
    }

    @Test
    void listsByPrefixRecursivelySortedWithSizes() throws IOException {
        StoredEnvelope first = store.put(KEY, bytes("first"));
        StoredEnvelope second = store.put(KEY, bytes("second"));
        StoredEnvelope otherDay =
                store.put(ArchiveKey.of("market_data", "000660", Instant.parse("2025-03-05T00:00:00Z")), bytes("x"));

        assertEquals(List.of(first.archiveRef(), second.archiveRef()), refs("raw/2025/03/04/"));
        assertEquals(List.of(second.archiveRef()), refs("raw/2025/03/04/market_data_005930_20250304_090000_"));
        assertEquals(List.of(first.archiveRef(), second.archiveRef(), otherDay.archiveRef()), refs("raw/"));
        assertEquals(List.of(first.archiveRef(), second.archiveRef(), otherDay.archiveRef()), refs("raw/2025/"));
        assertEquals(List.of(), refs("raw/2024/"));
        assertEquals(new StoredObject(first.archiveRef(), 5), store.list("raw/2025/03/04/").get(0));
    }

    @Test
    void readingAMissingRefIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> store.read(KEY.ref(1)));
    }

    @Test
    void replaceCreatesAnObjectAndThenReplacesItWhole() throws IOException {
        String ref = "raw/2025/03/04/restored.json";

        store.replace(ref, bytes("old content, longer"));
        store.replace(ref, bytes("new"));

        assertEquals("new", text(ref));
        assertEquals(List.of(new StoredObject(ref, 3)), store.list("raw/2025/03/04/"));
    }

    @Test
    void deleteRemovesAnObjectAndSaysWhetherThereWasOne() throws IOException {
        StoredEnvelope stored = store.put(KEY, bytes("first"));

        assertTrue(store.delete(stored.archiveRef()));
        assertFalse(store.delete(stored.archiveRef()));
        assertThrows(NoSuchFileException.class, () -> store.read(stored.archiveRef()));
        assertEquals(List.of(), store.list("raw/"));
    }

    @Test
    void readEnvelopeFindsTheOriginalBytesAlsoAfterRetentionGzippedThem() throws IOException {
        byte[] envelope = format.render(TestBatches.batch(UUID.randomUUID(), "005930", "2025-03-04T00:00:00Z"));
        StoredEnvelope stored = store.put(KEY, envelope);
        assertArrayEquals(envelope, store.readEnvelope(stored.archiveRef()).orElseThrow());

        store.replace(stored.archiveRef() + ArchiveStore.GZIP_SUFFIX, gzip(envelope));
        store.delete(stored.archiveRef());

        assertArrayEquals(envelope, store.readEnvelope(stored.archiveRef()).orElseThrow());
        assertTrue(store.readEnvelope("raw/2025/03/04/none.json").isEmpty());
    }

    @Test
    void refsOutsideRawAreRefused() {
        byte[] content = bytes("x");
        assertThrows(IllegalArgumentException.class, () -> store.read("raw/../outbox/x.json"));
        assertThrows(IllegalArgumentException.class, () -> store.read("index/x.json"));
        assertThrows(IllegalArgumentException.class, () -> store.replace("raw/2025/../../index/x.json", content));
        assertThrows(IllegalArgumentException.class, () -> store.delete("outbox/x.json"));
        assertThrows(IllegalArgumentException.class, () -> store.list("index/"));
        assertThrows(IllegalArgumentException.class, () -> store.list("raw/../"));
        assertThrows(IllegalArgumentException.class, () -> store.put(new ArchiveKey("index", "x"), content));
    }

    @Test
    void aNameRetentionCompressedStaysTakenSoItsEnvelopeIsNeverShadowed() throws IOException {
        StoredEnvelope old = store.put(KEY, bytes("compressed long ago"));
        store.replace(old.archiveRef() + ArchiveStore.GZIP_SUFFIX, gzip(bytes("compressed long ago")));
        store.delete(old.archiveRef());

        StoredEnvelope fresh = store.put(KEY, bytes("collected again"));

        assertEquals(KEY.ref(2), fresh.archiveRef());
        assertArrayEquals(bytes("compressed long ago"), store.readEnvelope(old.archiveRef()).orElseThrow());
    }

    protected String text(String ref) throws IOException {
        return new String(store.read(ref), StandardCharsets.UTF_8);
    }

    private List<String> refs(String prefix) throws IOException {
        return store.list(prefix).stream().map(StoredObject::ref).toList();
    }

    protected static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
