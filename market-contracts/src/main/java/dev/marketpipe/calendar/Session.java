package dev.marketpipe.calendar;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;

/** One regular trading session: the exchange-local trading date and its open and close as exact instants. */
@RegisterForReflection
public record Session(LocalDate date, Instant open, Instant close) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(open) && instant.isBefore(close);
    }
}
