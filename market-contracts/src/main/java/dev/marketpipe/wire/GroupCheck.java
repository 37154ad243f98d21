package dev.marketpipe.wire;

import jakarta.ws.rs.BadRequestException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the body of a group request ({@link BatchGroup}, {@link ValidatedBatchGroup}) must satisfy before any of its
 * batches is looked at: 1 to {@code max} batches, each with a batch id, none twice. Otherwise a 400.
 */
public final class GroupCheck {

    private GroupCheck() {
    }

    public static <T> List<T> checked(List<T> batches, int max, Function<T, UUID> batchId) {
        if (batches == null || batches.isEmpty()) {
            throw new BadRequestException("the request body must be a group {\"batches\":[…]} of at least one batch");
        }
        if (batches.size() > max) {
            throw new BadRequestException("a group holds at most " + max + " batches, this one " + batches.size());
        }
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < batches.size(); i++) {
            T batch = batches.get(i);
            UUID id = batch == null ? null : batchId.apply(batch);
            if (id == null) {
                throw new BadRequestException("batches[" + i + "] has no batchId");
            }
            if (!ids.add(id)) {
                throw new BadRequestException("batch " + id + " is in the group twice");
            }
        }
        return batches;
    }
}
