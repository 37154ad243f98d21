package dev.marketpipe.loader.quarantine;

import dev.marketpipe.wire.QuarantineStatus;

import java.time.LocalDate;

/**
 * What a reviewer narrows {@code GET /v1/quarantine} to; every field is optional (null = any). The date is the
 * KRX trading date (KST) of the record's timestamp, the day a reviewer thinks in, not the UTC date.
 *
 * @param rule a reason's rule code, e.g. {@code price_out_of_range}: matches a record with that rule among its reasons
 */
public record QuarantineFilter(LocalDate date, String symbol, String rule, QuarantineStatus status) {
}
