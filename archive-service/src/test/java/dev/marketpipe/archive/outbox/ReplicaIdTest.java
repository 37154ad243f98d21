package dev.marketpipe.archive.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replica id names a folder below the shared outbox: only safe names, never the outbox's own folder names. */
class ReplicaIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"archive-0", "archive-service-7d9f8c6b5-x2k4q", "node1.example.org", "A_1"})
    void podAndHostNamesAreAccepted(String name) {
        assertEquals(name, ReplicaId.of(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../x", "a/b", ".owner", "-x", "dead", "DEAD", "adopted", "a b", "ü"})
    void namesThatCannotBeAReplicaFolderAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> ReplicaId.of(name));
    }

    @Test
    void tooLongNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReplicaId.of("a".repeat(129)));
    }

    @Test
    void configuredIdWinsOverTheHostname() {
        assertEquals("archive-1", ReplicaId.resolve(Optional.of("archive-1"), Map.of("HOSTNAME", "pod-x")).value());
    }

    @Test
    void withoutConfigurationThePodNameFromHostnameIsUsed() {
        assertEquals("pod-x", ReplicaId.resolve(Optional.of("  "), Map.of("HOSTNAME", "pod-x")).value());
        assertEquals("pod-y", ReplicaId.resolve(Optional.empty(), Map.of("HOSTNAME", "pod-y")).value());
    }

    @Test
    void invalidHostnameNamesThePropertyToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReplicaId.resolve(Optional.empty(), Map.of("HOSTNAME", "bad/name")));
        assertTrue(e.getMessage().contains("HOSTNAME"));
        assertTrue(e.getMessage().contains("marketpipe.archive.replica-id"));
    }
}
