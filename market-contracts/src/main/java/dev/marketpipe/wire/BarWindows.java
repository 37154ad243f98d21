package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Several windows of stored bars read in one request (the loader's {@code POST /v1/bars/windows}): the validator asks
 * for a whole group's stored windows and previous closes at once. As an answer, each window carries its bars.
 */
@RegisterForReflection
public record BarWindows(List<BarWindow> windows) {

    /** One window of an answer: the window asked and its stored bars in time order. */
    @RegisterForReflection
    public record Stored(BarWindow window, List<Bar> bars) {
    }

    /** The answer: one {@link Stored} per window asked, in the order asked. */
    @RegisterForReflection
    public record Answer(List<Stored> windows) {
    }
}
