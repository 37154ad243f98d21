package dev.marketpipe.archive.backup;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * What copying one archive day did, for a backup (live → backup target) or a restore (backup target → live).
 *
 * @param objects       objects of the day in the source
 * @param copied        objects written to the destination and verified (SHA-256 of the re-read copy)
 * @param present       objects the destination already held identically (plain or gzipped) — skipped
 * @param bytesCopied   bytes written
 * @param retried       copies that verified only on the second attempt
 * @param repaired      destination objects that differed from the source and were replaced: a damaged backup copy
 *                      (backup), a damaged live file (restore)
 * @param vanished      objects listed but gone before they could be read (retention compressed them meanwhile)
 * @param failed        refs whose copy did not verify after the retry, or could not be written (ERROR logged)
 * @param corruptSource refs whose source copy failed its own checksum; not restored (restore only)
 * @param conflicts     refs whose destination object is intact but different; left alone (restore only)
 */
public record DayCopyReport(LocalDate date, int objects, int copied, int present, long bytesCopied, int retried,
                            int repaired, int vanished, List<String> failed, List<String> corruptSource,
                            List<String> conflicts) {

    /** True when every object of the source is now in the destination. */
    @JsonProperty("complete")
    public boolean complete() {
        return failed.isEmpty() && corruptSource.isEmpty() && conflicts.isEmpty();
    }
}
