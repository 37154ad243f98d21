package dev.marketpipe.archive.store.filesystem;

import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.envelope.EnvelopeFormat;
import dev.marketpipe.archive.envelope.Sha256;
import dev.marketpipe.archive.store.ArchiveKey;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.StoredEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilesystemArchiveStoreTest {

    private static final ArchiveKey KEY = ArchiveKey.of("market_data", "005930", Instant.parse("2025-03-04T00:00:00Z"));

    @TempDir
    Path tmp;

    private ArchiveRoot root;
    private FilesystemArchiveStore store;
    private EnvelopeFormat format;

    @BeforeEach
    void setUp() throws IOException {
        root = new ArchiveRoot(tmp.resolve("archive"));
        root.createLayout();
        format = new EnvelopeFormat(TestBatches.mapper());
        store = new FilesystemArchiveStore(root, format);
    }

    @Test
    void publishesUnderTheKeysNameWithChecksumAndSize() throws IOException {
        byte[] envelope = bytes("first");

        StoredEnvelope stored = store.put(KEY, envelope);

        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000.json", stored.archiveRef());
        assertArrayEquals(envelope, Files.readAllBytes(root.path().resolve(stored.archiveRef())));
        assertEquals(Sha256.hex(envelope), stored.sha256());
        assertEquals(envelope.length, stored.bytes());
    }

    @Test
    void takenNameGetsTheNextSuffixAndBothFilesStayIntact() throws IOException {
        StoredEnvelope first = store.put(KEY, bytes("first"));
        StoredEnvelope second = store.put(KEY, bytes("second"));
        StoredEnvelope third = store.put(KEY, bytes("third"));

        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000_2.json", second.archiveRef());
        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000_3.json", third.archiveRef());
        assertEquals("first", read(first));
        assertEquals("second", read(second));
        assertEquals("third", read(third));
    }

    @Test
    void aFileThatAppearedUnderTheNameIsNeverOverwritten() throws IOException {
        Path dir = root.path().resolve(KEY.directory());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(KEY.fileName(1)), "someone else's");

        StoredEnvelope stored = store.put(KEY, bytes("mine"));

        assertEquals(KEY.ref(2), stored.archiveRef());
        assertEquals("someone else's", Files.readString(dir.resolve(KEY.fileName(1))));
        assertEquals("mine", read(stored));
    }

    @Test
    void concurrentPublishersUnderOneNameEachGetTheirOwnFile() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<StoredEnvelope>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String content = "writer-" + i;
                results.add(pool.submit((Callable<StoredEnvelope>) () -> store.put(KEY, bytes(content))));
            }
            Set<String> refs = new HashSet<>();
            Set<String> contents = new HashSet<>();
            for (Future<StoredEnvelope> result : results) {
                StoredEnvelope stored = result.get();
                refs.add(stored.archiveRef());
                contents.add(read(stored));
            }
            assertEquals(writers, refs.size(), "one file per writer");
            assertEquals(writers, contents.size(), "no file overwritten by another writer");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noTempFilesAreLeftBehind() throws IOException {
        store.put(KEY, bytes("first"));
        store.put(KEY, bytes("second"));

        try (Stream<Path> files = Files.list(root.path().resolve(KEY.directory()))) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith(KEY.baseName())),
                    "only envelopes in the folder");
        }
    }

    @Test
    void findsTheEnvelopeOfABatchAmongTheNamesOfItsKey() throws IOException {
        UUID wanted = UUID.randomUUID();
        store.put(KEY, format.render(TestBatches.batch(UUID.randomUUID(), "005930", "2025-03-04T00:00:00Z")));
        byte[] envelope = format.render(TestBatches.batch(wanted, "005930", "2025-03-04T00:00:00Z"));
        StoredEnvelope published = store.put(KEY, envelope);

        StoredEnvelope found = store.find(KEY, wanted).orElseThrow();

        assertEquals(published, found);
        assertTrue(store.find(KEY, UUID.randomUUID()).isEmpty());
    }

    private String read(StoredEnvelope stored) throws IOException {
        return Files.readString(root.path().resolve(stored.archiveRef()));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listsReadsReplacesAndDeletesObjectsBelowRaw() throws IOException {
        StoredEnvelope first = store.put(KEY, bytes("first"));
        StoredEnvelope second = store.put(KEY, bytes("second"));
        store.put(ArchiveKey.of("market_data", "000660", Instant.parse("2025-03-05T00:00:00Z")), bytes("other day"));
        Files.writeString(root.raw().resolve("2025/03/04/.tmp-half.part"), "partial");

        assertEquals(List.of(first.archiveRef(), second.archiveRef()),
                store.list("raw/2025/03/04/").stream().map(o -> o.ref()).toList());
        assertEquals(List.of(second.archiveRef()),
                store.list("raw/2025/03/04/market_data_005930_20250304_090000_").stream().map(o -> o.ref()).toList());
        assertEquals(3, store.list("raw/").size());
        assertEquals(List.of(), store.list("raw/2024/"));
        assertEquals(bytes("first").length, store.list("raw/2025/03/04/").get(0).bytes());

        String gz = first.archiveRef() + ArchiveStore.GZIP_SUFFIX;
        store.replace(gz, gzip(bytes("first")));
        assertTrue(store.delete(first.archiveRef()));
        assertArrayEquals(bytes("first"), store.readEnvelope(first.archiveRef()).orElseThrow());
        assertTrue(store.readEnvelope("raw/2025/03/04/none.json").isEmpty());
        assertEquals(false, store.delete(first.archiveRef()));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> store.read(first.archiveRef()));
        assertThrows(IllegalArgumentException.class, () -> store.read("raw/../outbox/x.json"));
        assertThrows(IllegalArgumentException.class, () -> store.list("index/"));
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
}
