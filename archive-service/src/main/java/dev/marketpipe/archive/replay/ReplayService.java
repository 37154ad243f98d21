package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.config.ArchiveConfig;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.validator.ValidatorSink;
import dev.marketpipe.archive.outbox.BatchSink;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays (issue 4 item 6, CONTRACTS.md "Replay"): starts one at a time ({@link ReplayRun} in a thread of its own),
 * keeps their progress in memory and in the {@link ReplayJournal}, and answers their status. A replay running when
 * the service stops is recorded {@code LOST}: at a graceful stop right away, after a crash at the next start on the
 * same host; a replay whose process vanished on another host is reported {@code LOST} once its checkpoints stop.
 */
@Singleton
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    /** Checkpoints missed before a replay of another process that still says RUNNING is reported LOST. */
    private static final int MISSED_CHECKPOINTS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ArchiveStore store;
    private final BatchSink sink;
    private final ArchivedBatchReader reader;
    private final ReplayJournal journal;
    private final ReplaySettings settings;
    private final Clock clock;
    private final String host;
    private final String instance;
    private final Map<UUID, ReplayProgress> replays = new ConcurrentHashMap<>();
    private ReplayProgress running;
    private Thread runner;

    @Inject
    public ReplayService(ConfiguredArchiveStore store, ValidatorSink validator, ArchiveRoot root, ObjectMapper mapper,
                         ReplayConfig replay, ArchiveConfig archive) {
        this(store.get(), validator, new ArchivedBatchReader(mapper), new ReplayJournal(root.path(), mapper),
                ReplaySettings.of(replay, archive.outbox()), Clock.systemUTC(), hostName());
    }

    ReplayService(ArchiveStore store, BatchSink sink, ArchivedBatchReader reader, ReplayJournal journal,
                  ReplaySettings settings, Clock clock, String host) {
        this.store = store;
        this.sink = sink;
        this.reader = reader;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
        this.host = host;
        this.instance = host + "-" + ProcessHandle.current().pid();
    }

    void onStart(@Observes StartupEvent event) {
        open();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop(STOP_GRACE);
    }

    /** Records as {@code LOST} the replays this host's previous process left {@code RUNNING}. */
    void open() {
        try {
            // nothing runs yet in this process: a RUNNING replay of this host is its predecessor's (the pid may be
            // the same again in a container, so only the host is compared)
            int lost = journal.open(s -> hostOf(s.instance()).equals(host),
                    "archive-service stopped while the replay was running (progress is kept in memory between"
                            + " checkpoints); start it again", clock.instant());
            if (lost > 0) {
                LOG.warnf("%d replay(s) were running when archive-service last stopped; reported LOST", lost);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the replay journal cannot be read", e);
        }
    }

    /**
     * Starts a replay of {@code request}; {@link IllegalArgumentException} when the request is out of bounds,
     * {@link AlreadyRunningException} while another replay runs.
     */
    public synchronized ReplayStatus start(ReplayRequest request) {
        ReplayScope scope = ReplayScope.of(request, settings.maxRangeDays());
        if (running != null && !running.finished()) {
            throw new AlreadyRunningException("replay " + running.id() + " is still running; one replay at a time");
        }
        ReplayProgress progress = new ReplayProgress(UUID.randomUUID(), scope, instance, clock);
        ReplayRun run = new ReplayRun(progress, scope, store, reader, sink, settings, journal, clock);
        progress.checkpointed(clock.instant());
        try {
            journal.write(progress.status());
        } catch (IOException e) {
            throw new UncheckedIOException("the replay journal cannot be written", e);
        }
        replays.put(progress.id(), progress);
        running = progress;
        runner = new Thread(run, "replay-" + progress.id());
        runner.setDaemon(true);
        runner.start();
        return progress.status();
    }

    /** The status of a replay: live when this process runs or ran it, else as its journal last recorded it. */
    public Optional<ReplayStatus> find(UUID id) throws IOException {
        ReplayProgress live = replays.get(id);
        if (live != null) {
            return Optional.of(live.status());
        }
        return journal.read(id).map(this::reportLostWhenStale);
    }

    /** Stops the running replay, which records itself {@code LOST}. */
    synchronized void stop(Duration grace) {
        if (running == null || running.finished()) {
            return;
        }
        running.stop(ReplayStatus.State.LOST, "archive-service stopped while the replay was running; start it again");
        try {
            runner.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ReplayStatus reportLostWhenStale(ReplayStatus status) {
        if (status.state() != ReplayStatus.State.RUNNING || status.checkpointedAt() == null) {
            return status;
        }
        Duration silence = Duration.between(status.checkpointedAt(), clock.instant());
        if (silence.compareTo(settings.checkpointInterval().multipliedBy(MISSED_CHECKPOINTS)) <= 0) {
            return status;
        }
        return status.lost("no checkpoint from " + status.instance() + " for " + silence.toSeconds()
                + " s: the process running the replay is gone; start it again", clock.instant());
    }

    private static String hostOf(String instance) {
        int dash = instance == null ? -1 : instance.lastIndexOf('-');
        return dash < 0 ? "" : instance.substring(0, dash);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** Another replay is still running (409). */
    public static final class AlreadyRunningException extends RuntimeException {

        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
