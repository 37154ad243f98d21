package dev.marketpipe.collector.budget;

import java.util.function.Supplier;

/**
 * The priority of the work running on the current thread, so that every securities-API request it makes (data,
 * retries, a token it needs) takes its rate-budget token at that priority without passing it through every call.
 * Work that sets none (e.g. the readiness probe) runs at {@link Priority#MEDIUM}.
 */
public final class WorkPriority {

    private static final ThreadLocal<Priority> CURRENT = new ThreadLocal<>();

    private WorkPriority() {
    }

    public static Priority current() {
        Priority priority = CURRENT.get();
        return priority == null ? Priority.MEDIUM : priority;
    }

    /** Runs {@code work} at {@code priority}, restoring the previous priority afterwards. */
    public static <T> T call(Priority priority, Supplier<T> work) {
        Priority previous = CURRENT.get();
        CURRENT.set(priority);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void run(Priority priority, Runnable work) {
        call(priority, () -> {
            work.run();
            return null;
        });
    }
}
