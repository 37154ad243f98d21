package dev.marketpipe.archive.store.filesystem;

import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ArchiveStoreContract;
import dev.marketpipe.archive.store.StoredEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a folder, plus what only files have: temp names, and files written by someone else. */
class FilesystemArchiveStoreTest extends ArchiveStoreContract {

    @TempDir
    Path tmp;

    private ArchiveRoot root;

    @Override
    protected ArchiveStore createStore() throws IOException {
        root = new ArchiveRoot(tmp.resolve("archive"));
        root.createLayout();
        return new FilesystemArchiveStore(root, format);
    }

    @Test
    void envelopesAreFilesAtTheirRefBelowTheRoot() throws IOException {
        StoredEnvelope stored = store.put(KEY, bytes("first"));

        assertEquals("first", Files.readString(root.path().resolve(stored.archiveRef())));
    }

    @Test
    void aFileWrittenUnderTheNameBehindTheStoresBackIsNeverOverwritten() throws IOException {
        Path dir = root.path().resolve(KEY.directory());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(KEY.fileName(1)), "someone else's");

        StoredEnvelope stored = store.put(KEY, bytes("mine"));

        assertEquals(KEY.ref(2), stored.archiveRef());
        assertEquals("someone else's", Files.readString(dir.resolve(KEY.fileName(1))));
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
    void listingSkipsTheTempFilesOfWritesInProgress() throws IOException {
        StoredEnvelope stored = store.put(KEY, bytes("first"));
        Files.writeString(root.raw().resolve("2025/03/04/.tmp-half.part"), "partial");

        assertEquals(List.of(stored.archiveRef()),
                store.list("raw/2025/03/04/").stream().map(o -> o.ref()).toList());
    }
}
