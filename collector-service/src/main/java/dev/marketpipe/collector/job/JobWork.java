package dev.marketpipe.collector.job;

import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;

import java.util.List;

/** What the {@link JobRunner} does with the windows of one kind of job. */
public interface JobWork {

    /** Collects a fetch window; an exception fails it (after the request's own retries). */
    WindowCollector.Outcome fetch(FetchWindow window);

    /** Plans a plan window (one symbol of a gap-fill): the fetch windows to add and the counts behind them. */
    default Plan plan(FetchWindow symbol) {
        throw new UnsupportedOperationException("this kind of job has no plan step");
    }

    /** Called once when a job of this kind finished (by whichever replica finished it). */
    default void finished(JobStore.Job job) {
    }

    /** What planning one symbol found. */
    record Plan(List<FetchWindow> windows, int expected, int stored, int missing, int skipped) {
    }
}
