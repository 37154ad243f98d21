package dev.marketpipe.validator.quality;

/**
 * One symbol's record outcomes on one trading day, as {@code GET /v1/quality} answers them.
 *
 * @param records     every record received (superseded duplicates included)
 * @param flagged     accepted with a flag
 * @param quarantined held back (quarantined or for review)
 * @param score       share of records accepted without a flag
 */
public record SymbolDayQuality(double score, long records, long flagged, long quarantined) {
}
