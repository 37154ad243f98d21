package dev.marketpipe.archive.disk;

import java.io.IOException;

/**
 * The archive's disk-full rule (a full disk is alerted at once): below {@code minFreeBytes} of usable
 * space new batches are refused (507) and readiness goes DOWN, before a half-written file could ever occur.
 */
public final class FreeSpacePolicy {

    private final ArchiveRoot root;
    private final long minFreeBytes;

    public FreeSpacePolicy(ArchiveRoot root, long minFreeBytes) {
        this.root = root;
        this.minFreeBytes = minFreeBytes;
    }

    /** True when the usable space is below the threshold (or cannot be determined). */
    public boolean isLow() {
        try {
            return root.usableBytes() < minFreeBytes;
        } catch (IOException e) {
            return true;
        }
    }

    public long minFreeBytes() {
        return minFreeBytes;
    }
}
