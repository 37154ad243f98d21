package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** A bar that passed validation, with the low-severity flags it carries (e.g. volume 0 is accepted with a flag). */
@RegisterForReflection
public record AcceptedBar(Bar bar, List<QualityIssue> flags) {
}
