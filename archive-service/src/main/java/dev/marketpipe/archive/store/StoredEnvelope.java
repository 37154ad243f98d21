package dev.marketpipe.archive.store;

/**
 * An envelope that is durable in the archive.
 *
 * @param archiveRef path relative to the archive root ({@code raw/2025/03/04/market_data_005930_…json})
 * @param sha256     SHA-256 (hex) of the stored bytes
 * @param bytes      size of the stored object
 */
public record StoredEnvelope(String archiveRef, String sha256, long bytes) {
}
