package dev.marketpipe.archive.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.archive.client.ValidatorClient;
import dev.marketpipe.archive.config.ArchiveConfig;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.outbox.BatchSink;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays (CONTRACTS.md "Replay"): starts one at a time ({@link ReplayRun} in a thread of its own), keeps their
 * progress in memory and in the {@link ReplayJournal}, and answers their status. A replay is durable: a graceful stop
 * suspends it at its checkpoint, and the next start on the same host resumes it from there, as it does after a crash;
 * a replay whose process on another host stopped checkpointing is taken over by a replica that runs none.
 */
@Singleton
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    /** Checkpoints missed before a replay of another process that still says RUNNING is taken over. */
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
    public ReplayService(ConfiguredArchiveStore store, ValidatorClient validator, ArchiveRoot root, ObjectMapper mapper,
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

    /**
     * Resumes a replay left {@code RUNNING}: one this host's previous process ran (stopped or crashed), or one whose
     * process elsewhere stopped checkpointing. One replay at a time: the newest is resumed, others are {@code LOST}.
     */
    void open() {
        try {
            adoptLeftOver(journal.open(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("the replay journal cannot be read", e);
        }
    }

    /** Looks for a replay whose process elsewhere stopped checkpointing, while none runs here. */
    @Scheduled(identity = "replay-takeover", every = "{marketpipe.archive.replay.takeover-check-interval}",
            delayed = "{marketpipe.archive.replay.takeover-check-interval}")
    void takeOverAbandoned() {
        if (running != null && !running.finished()) {
            return;
        }
        try {
            adoptLeftOver(journal.open(), false);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("looking for abandoned replays failed: %s", e.getMessage());
        }
    }

    private synchronized void adoptLeftOver(List<ReplayStatus> running, boolean atStart) throws IOException {
        if (this.running != null && !this.running.finished()) {
            return;
        }
        // at start nothing runs in this process yet: a RUNNING replay of this host is its predecessor's (the pid may
        // be the same again in a container, so only the host is compared)
        List<ReplayStatus> leftOver = running.stream()
                .filter(s -> (atStart && hostOf(s.instance()).equals(host)) || abandoned(s))
                .sorted(Comparator.comparing(ReplayStatus::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        for (int i = 1; i < leftOver.size(); i++) {
            journal.write(leftOver.get(i).lost("replay " + leftOver.get(0).id() + " was resumed in its place (one at"
                    + " a time); start it again", clock.instant()));
        }
        if (!leftOver.isEmpty()) {
            resume(leftOver.get(0));
        }
    }

    private void resume(ReplayStatus left) throws IOException {
        ReplayScope scope = new ReplayScope(left.from(), left.to(), EnumSet.copyOf(left.dataTypes()),
                new TreeSet<>(left.symbols()));
        ReplayCheckpoint from = left.checkpoint() == null ? ReplayCheckpoint.NONE : left.checkpoint();
        ReplayProgress progress = new ReplayProgress(left.id(), scope, instance, clock, left.startedAt(),
                left.resumed() + 1, from, left.lastError());
        LOG.infof("replay %s resumed (%d time(s)) after %s; it was run by %s", left.id(), left.resumed() + 1,
                from.doneThrough() == null ? "no day done" : "day folders through " + from.doneThrough(),
                left.instance());
        launch(progress, scope);
    }

    /** A replay of another process whose checkpoints stopped: that process is gone. */
    private boolean abandoned(ReplayStatus status) {
        if (status.checkpointedAt() == null) {
            return false;
        }
        Duration silence = Duration.between(status.checkpointedAt(), clock.instant());
        return silence.compareTo(settings.checkpointInterval().multipliedBy(MISSED_CHECKPOINTS)) > 0;
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
        try {
            launch(progress, scope);
        } catch (IOException e) {
            throw new UncheckedIOException("the replay journal cannot be written", e);
        }
        return progress.status();
    }

    private void launch(ReplayProgress progress, ReplayScope scope) throws IOException {
        ReplayRun run = new ReplayRun(progress, scope, store, reader, sink, settings, journal, clock);
        progress.checkpointed(clock.instant());
        journal.write(progress.status());
        replays.put(progress.id(), progress);
        running = progress;
        runner = new Thread(run, "replay-" + progress.id());
        runner.setDaemon(true);
        runner.start();
    }

    /** The status of a replay: live when this process runs or ran it, else as its journal last recorded it. */
    public Optional<ReplayStatus> find(UUID id) throws IOException {
        ReplayProgress live = replays.get(id);
        if (live != null) {
            return Optional.of(live.status());
        }
        return journal.read(id);
    }

    /** The newest {@code limit} replays (by start), live where this process runs or ran them, else as journaled. */
    public List<ReplayStatus> recent(int limit) throws IOException {
        Map<UUID, ReplayStatus> byId = new HashMap<>();
        for (ReplayStatus journaled : journal.all()) {
            byId.put(journaled.id(), journaled);
        }
        replays.forEach((id, live) -> byId.put(id, live.status()));
        return byId.values().stream()
                .sorted(Comparator.comparing(ReplayStatus::startedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit).toList();
    }

    /** Suspends the running replay at its checkpoint; the next start (here or on another replica) resumes it. */
    synchronized void stop(Duration grace) {
        if (running == null || running.finished()) {
            return;
        }
        running.suspend();
        try {
            runner.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
