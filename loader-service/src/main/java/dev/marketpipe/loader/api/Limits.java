package dev.marketpipe.loader.api;

import dev.marketpipe.loader.config.LoaderConfig;

/** The {@code limit} query parameter of the listings: the configured default when absent, bounded above. */
final class Limits {

    private Limits() {
    }

    static int of(Integer requested, LoaderConfig.Lists lists) {
        if (requested == null) {
            return lists.defaultLimit();
        }
        if (requested > lists.maxLimit()) {
            throw new IllegalArgumentException("limit must be at most " + lists.maxLimit());
        }
        return requested;
    }
}
