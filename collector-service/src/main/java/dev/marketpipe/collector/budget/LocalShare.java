package dev.marketpipe.collector.budget;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The part of a provider's budget one replica may use on its own while the shared row cannot be reached: its fair
 * share, each priority's limit divided by the replicas it last saw ({@code replicas}). When the share is less than
 * one request per window, the window is stretched instead (2 requests/s shared by 3 replicas: one request every two
 * windows each), so that the replicas together never exceed the provider's limit. Clock: {@link System#nanoTime()}.
 */
final class LocalShare {

    private final BudgetPolicy policy;
    private final IntSupplier replicas;
    private final Deque<Long> grants = new ArrayDeque<>();

    LocalShare(BudgetPolicy policy, IntSupplier replicas) {
        this.policy = policy;
        this.replicas = replicas;
    }

    /** Takes a grant at {@code priority} when the share allows one; else returns the micros until it may. */
    synchronized long take(Priority priority, long nowNanos) {
        long wait = waitFor(priority, nowNanos);
        if (wait == 0) {
            grants.addLast(nowNanos);
        }
        return wait;
    }

    /** Micros until the share allows a grant at {@code priority} (0: now), without taking it. */
    synchronized long waitFor(Priority priority, long nowNanos) {
        Share share = share(priority);
        long window = share.windowNanos();
        while (!grants.isEmpty() && grants.peekFirst() <= nowNanos - longestWindow()) {
            grants.pollFirst();
        }
        List<Long> recent = grants.stream().filter(g -> g > nowNanos - window).toList();
        if (recent.size() < share.grants()) {
            return 0;
        }
        long free = recent.get(recent.size() - share.grants()) + window;
        return Math.max(1, (free - nowNanos) / 1_000);
    }

    /** Records a grant the shared row made while this share still applies (just after the row came back). */
    synchronized void record(long nowNanos) {
        grants.addLast(nowNanos);
    }

    /** How long ago (micros) each grant of the last window was made: handed to the shared row when it is back. */
    synchronized List<Long> recentAges(long nowNanos) {
        long window = policy.window().toNanos();
        List<Long> ages = new ArrayList<>();
        for (long grant : grants) {
            if (grant > nowNanos - window) {
                ages.add((nowNanos - grant) / 1_000);
            }
        }
        return ages;
    }

    /** Grants per window, and the window (one second plus the margin, stretched when the share is below one). */
    record Share(int grants, long windowNanos) {
    }

    Share share(Priority priority) {
        int members = Math.max(1, replicas.getAsInt());
        int limit = policy.limit(priority);
        long window = policy.window().toNanos();
        if (limit >= members) {
            return new Share(limit / members, window);
        }
        return new Share(1, window * ((members + limit - 1) / limit));
    }

    private long longestWindow() {
        return share(Priority.LOW).windowNanos() * 2;
    }
}
