package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A bar that passed validation, with the low-severity flags it carries (e.g. spec §5 "volume = 0: accept but flag"). */
@RegisterForReflection
public record AcceptedBar(Bar bar, List<QualityIssue> flags) {
}
