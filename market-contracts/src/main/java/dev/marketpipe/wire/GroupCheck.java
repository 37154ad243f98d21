package dev.marketpipe.wire;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the body of a group request ({@link BatchGroup}, {@link ValidatedBatchGroup}) must satisfy before any of its
 * batches is looked at: 1 to {@code max} batches, each with a batch id, none twice. Otherwise a 400. Then each batch
 * is checked on its own ({@link #eachChecked}).
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

    /**
     * One result per batch, in the order given: a batch {@code check} refuses (a {@link WebApplicationException}) gets
     * that status and message, as it would alone; the others go to {@code rest} together, which answers one result
     * for each, in their order.
     */
    public static <T> List<GroupResult> eachChecked(List<T> batches, Function<T, UUID> batchId, Consumer<T> check,
            Function<List<T>, List<GroupResult>> rest) {
        GroupResult[] results = new GroupResult[batches.size()];
        List<Integer> passed = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            try {
                check.accept(batches.get(i));
                passed.add(i);
            } catch (WebApplicationException e) {
                results[i] = GroupResult.refused(batchId.apply(batches.get(i)), e.getResponse().getStatus(),
                        e.getMessage());
            }
        }
        if (!passed.isEmpty()) {
            List<GroupResult> answered = rest.apply(passed.stream().map(batches::get).toList());
            for (int k = 0; k < passed.size(); k++) {
                results[passed.get(k)] = answered.get(k);
            }
        }
        return List.of(results);
    }
}
