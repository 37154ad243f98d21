package dev.marketpipe.security;

/**
 * The four roles a bearer token can carry (docs/SECURITY.md). Each endpoint allows the fewest that need it; a person
 * who needs more than one holds a token with several.
 */
public final class Roles {

    /** The trading system: bars, latest bars, order books, reports. */
    public static final String READER = "reader";
    /** Jobs and maintenance: backfills, gap-fills, replays, restores, retention, collection runs, leases, plans. */
    public static final String OPERATOR = "operator";
    /** Quarantine decisions; the decision records the token's subject. */
    public static final String REVIEWER = "reviewer";
    /** The calls between stages: archive intake, validation, loads, collection log, coverage reads. */
    public static final String PIPELINE = "pipeline";

    private Roles() {
    }
}
