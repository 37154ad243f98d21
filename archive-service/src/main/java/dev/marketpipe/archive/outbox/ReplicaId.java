package dev.marketpipe.archive.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of one archive replica among several sharing one archive root: its outbox folder is
 * {@code outbox/<replica-id>/}, so each replica forwards only the batches it accepted. The name becomes a folder
 * name, hence the strict pattern; {@code dead} and {@code adopted} are the names of folders inside the outbox and
 * cannot be replica ids.
 */
public record ReplicaId(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Set<String> RESERVED = Set.of(OutboxLayout.DEAD, OutboxLayout.ADOPTED);

    public ReplicaId {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException("replica id must be 1-128 characters of letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit, and not " + RESERVED + "; got '" + value + "'");
        }
    }

    public static ReplicaId of(String value) {
        return new ReplicaId(value);
    }

    /** True when {@code name} can be a replica id (and so a replica's folder name). */
    public static boolean isValid(String name) {
        return SAFE.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The configured id ({@code marketpipe.archive.replica-id}), else the {@code HOSTNAME} environment variable (the
     * pod name in Kubernetes), else the host name.
     */
    public static ReplicaId resolve(Optional<String> configured, Map<String, String> env) {
        Optional<String> chosen = configured.map(String::trim).filter(s -> !s.isEmpty());
        String source = "marketpipe.archive.replica-id";
        if (chosen.isEmpty()) {
            chosen = Optional.ofNullable(env.get("HOSTNAME")).map(String::trim).filter(s -> !s.isEmpty());
            source = "the HOSTNAME environment variable";
        }
        if (chosen.isEmpty()) {
            try {
                chosen = Optional.of(InetAddress.getLocalHost().getHostName());
                source = "the host name";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("no replica id: set marketpipe.archive.replica-id"
                        + " (MARKETPIPE_ARCHIVE_REPLICA_ID); the host name is unknown", e);
            }
        }
        try {
            return of(chosen.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the replica id taken from " + source + " cannot name a folder: "
                    + e.getMessage() + "; set marketpipe.archive.replica-id (MARKETPIPE_ARCHIVE_REPLICA_ID)", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
