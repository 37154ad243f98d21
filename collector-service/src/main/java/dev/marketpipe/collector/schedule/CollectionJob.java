package dev.marketpipe.collector.schedule;

/**
 * One entry of the collection schedule. A job is a bean implementing this interface; its schedule lives in
 * configuration under {@code marketpipe.collector.schedule.<name>} ({@code enabled}, {@code cron},
 * {@code priority}, optionally {@code delay}), and {@link JobScheduler} runs it at its cron with its priority, so
 * every API request it makes takes its rate-budget token at that priority. Adding a job is one class and its
 * config lines.
 *
 * <p>The cron says how often the job looks; the job itself asks the market calendar whether there is anything to
 * collect now (market hours, holidays, late-open days), so a cron never has to know the calendar.
 */
public interface CollectionJob {

    /** The key of the job's configuration, e.g. {@code five-minute}. */
    String name();

    /** Collects what is due now; does nothing outside the job's market hours. */
    void run();
}
