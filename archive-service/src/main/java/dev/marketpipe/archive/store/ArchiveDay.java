package dev.marketpipe.archive.store;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One day folder of the archive, {@code raw/YYYY/MM/DD/}. The date is the KRX
 * trading date of the batches' windows (see {@link ArchiveKey}), so it is also the age retention and backup go by:
 * a ref says which day it belongs to wherever the object was copied or restored, unlike a file's mtime, which an
 * object store or a restore does not keep.
 */
public record ArchiveDay(LocalDate date) {

    private static final Pattern REF = Pattern.compile("raw/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+");

    /** The listing prefix of this day's objects. */
    public String prefix() {
        return String.format("raw/%04d/%02d/%02d/", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** The day an object belongs to; empty when the ref is not a file directly in a day folder. */
    public static Optional<ArchiveDay> of(String ref) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArchiveDay(LocalDate.of(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
        } catch (DateTimeException e) {
            return Optional.empty(); // raw/2025/02/30/…: not a day
        }
    }
}
