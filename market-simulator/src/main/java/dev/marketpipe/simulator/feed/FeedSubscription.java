package dev.marketpipe.simulator.feed;

/** One subscription of a feed session: a record type ({@code H0STCNT0}, {@code H0STASP0}) of one symbol. */
record FeedSubscription(String trId, String trKey) {
}
