package dev.marketpipe.console.page;

import dev.marketpipe.console.client.CollectorJob;
import dev.marketpipe.console.client.Replay;

import java.util.List;

/** A backfill, gap-fill or replay as the Jobs pages show it: what, how far, how it ended. */
public record JobView(String kind, String id, String state, String what, long done, Long total, String counts,
        String lastError, String started, String finished) {

    public static JobView of(String kind, CollectorJob job) {
        return new JobView(kind, job.id(), job.state(),
                symbols(job.symbols()) + " · " + job.interval() + " · " + job.from() + " → " + job.to()
                        + (job.trigger() == null ? "" : " · " + job.trigger()),
                orZero(job.requestsDone()), job.requestsTotal(),
                orZero(job.records()) + " records in " + orZero(job.batches()) + " batches, " + orZero(job.errors())
                        + " windows failed",
                job.lastError(), job.createdAt(), job.finishedAt());
    }

    public static JobView of(Replay replay) {
        return new JobView("replays", replay.id(), replay.state(),
                symbols(replay.symbols()) + " · " + replay.from() + " → " + replay.to(),
                orZero(replay.batchesSent()) + orZero(replay.batchesFailed()), replay.batchesTotal(),
                orZero(replay.bars()) + " bars, " + orZero(replay.records()) + " records; "
                        + orZero(replay.batchesFailed()) + " batches failed",
                replay.lastError(), replay.startedAt(), replay.finishedAt());
    }

    public String kindLabel() {
        return switch (kind) {
            case "backfills" -> "backfill";
            case "gapfills" -> "gap-fill";
            default -> "replay";
        };
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }

    /** Backfills and gap-fills can be cancelled while they run. */
    public boolean cancellable() {
        return running() && !"replays".equals(kind);
    }

    /** Done of total as a whole percent; 0 while the total is not known yet. */
    public int percent() {
        return total == null || total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }

    public String progress() {
        return done + " of " + (total == null ? "?" : total);
    }

    private static String symbols(List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            return "all symbols";
        }
        return symbols.size() <= 5 ? String.join(", ", symbols)
                : String.join(", ", symbols.subList(0, 5)) + " and " + (symbols.size() - 5) + " more";
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
