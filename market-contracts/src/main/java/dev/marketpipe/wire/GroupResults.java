package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The answer to a {@link BatchGroup}: one {@link GroupResult} per batch, in the order the batches were sent. */
@RegisterForReflection
public record GroupResults(List<GroupResult> results) {
}
