package dev.marketpipe.archive.store.s3;

import io.smallrye.config.ConfigMapping;

/**
 * The S3 archive store's settings ({@code marketpipe.archive.s3.*}), used only when
 * {@code marketpipe.archive.store=s3}; nothing in it is required otherwise, so the filesystem store needs none.
 */
@ConfigMapping(prefix = "marketpipe.archive.s3")
public interface S3StoreConfig extends S3Settings {
}
