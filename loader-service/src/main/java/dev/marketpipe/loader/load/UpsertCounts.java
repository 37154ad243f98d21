package dev.marketpipe.loader.load;

/** What an upsert did: rows inserted or whose values changed, and rows already stored with the same values. */
public record UpsertCounts(int changed, int unchanged) {
}
