package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Several archived batches in one request to the validator ({@code POST /v1/validations/groups}): the per-request
 * costs of a hop (HTTP, bearer token, JSON framing) are shared by the group, while every batch keeps its own id,
 * verdict and receipt. The archive puts at most one batch of a symbol in a group, so each symbol's batches still
 * arrive one after the other, in the order they were collected.
 */
@RegisterForReflection
public record BatchGroup(List<CollectedBatch> batches) {
}
