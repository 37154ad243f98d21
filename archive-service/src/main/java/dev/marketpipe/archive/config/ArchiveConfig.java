package dev.marketpipe.archive.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the raw archive and of its outbox. Defaults live in {@code application.properties}; every
 * property can be overridden by an environment variable ({@code MARKETPIPE_ARCHIVE_ROOT}, …).
 */
@ConfigMapping(prefix = "marketpipe.archive")
public interface ArchiveConfig {

    /** Folder holding {@code raw/} (the envelopes), {@code outbox/} and {@code index/}. */
    String root();

    /** Name of the {@code ArchiveStore} bean that keeps the envelopes ({@code filesystem}; later {@code s3}). */
    String store();

    /** Below this much usable space (MiB) on the root's file system, new batches are refused (507). */
    long minFreeSpaceMb();

    /** Data types whose bars are also written as CSV next to their envelope (the CSV alternative). */
    Optional<List<String>> csvDataTypes();

    /** Base URL of validator-service; the default of {@code quarkus.rest-client.validator.url}. */
    String validatorUrl();

    /**
     * This replica's name among the replicas sharing the root: its outbox folder is {@code outbox/<replica-id>/}.
     * Unset: the {@code HOSTNAME} environment variable (the pod name in Kubernetes), else the host name.
     */
    Optional<String> replicaId();

    Outbox outbox();

    /** How the outbox forwards archived batches to the validator. */
    interface Outbox {

        /** First wait after a failed delivery; doubles per failure of the same lane. */
        Duration initialBackoff();

        /** Longest wait between two delivery attempts. */
        Duration maxBackoff();

        /** Number of lanes forwarding in parallel; one symbol always uses the same lane, so it stays in order. */
        int parallelism();

        /** How often the outbox folder is rescanned for entries (new entries are also signalled directly). */
        Duration pollInterval();

        /**
         * Most batches a lane sends in one request ({@code POST /v1/validations/groups}), at most one per symbol; 1
         * sends each batch on its own ({@code POST /v1/validations}).
         */
        int groupSize();

        /** Readiness goes DOWN while the oldest unacknowledged batch has waited longer than this. */
        Duration maxBacklogAge();

        /** How often this replica looks for replicas that are gone, to adopt their outbox entries (also at start). */
        Duration orphanCheckInterval();

        /**
         * How long a starting replica waits for the lock of its own outbox folder while another process holds it
         * (another replica checking it, or its previous run until the NFS server expires that run's lease).
         */
        Duration ownerWait();
    }
}
