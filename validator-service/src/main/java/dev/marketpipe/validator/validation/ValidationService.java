package dev.marketpipe.validator.validation;

import dev.marketpipe.validator.client.LoaderClient;
import dev.marketpipe.validator.client.LoaderRejectedException;
import dev.marketpipe.validator.client.LoaderUnavailableException;
import dev.marketpipe.validator.quality.QualityTracker;
import dev.marketpipe.validator.records.RecordBatchValidator;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.GroupResult;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One validation: apply the quality rules to a batch, log what their actions ask to log, hand the verdict to the loader
 * and return its receipt. Nothing is stored here; if the loader cannot take the verdict now, the caller answers
 * 503 and the archive's outbox redelivers the batch later.
 */
@ApplicationScoped
public class ValidationService {

    private static final Logger LOG = Logger.getLogger(ValidationService.class);
    private static final int UNPROCESSABLE = 422;

    private final BatchValidator validator;
    private final RecordBatchValidator recordValidator;
    private final LoaderPreviousCloses previousCloses;
    private final LoaderStoredBars storedBars;
    private final LoaderClient loader;
    private final LoaderGroupReads groupReads;
    private final VerdictLog verdictLog;
    private final ValidationMetrics metrics;
    private final QualityTracker quality;

    public ValidationService(BatchValidator validator, RecordBatchValidator recordValidator,
            LoaderPreviousCloses previousCloses, LoaderStoredBars storedBars, LoaderClient loader,
            LoaderGroupReads groupReads, VerdictLog verdictLog, ValidationMetrics metrics, QualityTracker quality) {
        this.validator = validator;
        this.recordValidator = recordValidator;
        this.previousCloses = previousCloses;
        this.storedBars = storedBars;
        this.loader = loader;
        this.groupReads = groupReads;
        this.verdictLog = verdictLog;
        this.metrics = metrics;
        this.quality = quality;
    }

    /**
     * @throws LoaderUnavailableException the loader is down, slow, or its breaker is open: try again later
     * @throws LoaderRejectedException    the loader refused the verdict for good (4xx)
     */
    public LoadReceipt validateAndLoad(CollectedBatch batch) {
        ValidatedBatch verdict = verdict(batch, previousCloses, storedBars);
        return load(batch, verdict);
    }

    /**
     * Several batches: each judged in turn, the verdicts loaded as one group (one request, one transaction of the
     * loader). One result per batch, in order: 200 with the receipt, or 422 for a verdict the loader refused. A group
     * the loader refuses as a whole (a loader without groups) is loaded one verdict at a time.
     *
     * @throws LoaderUnavailableException the loader is down, slow, or its breaker is open: try the group again later
     */
    public List<GroupResult> validateAndLoadAll(List<CollectedBatch> batches) {
        LoaderGroupReads.Reads reads = groupReads.prefetch(batches);
        List<ValidatedBatch> verdicts = batches.stream().map(batch -> verdict(batch, reads.closes(), reads.stored()))
                .toList();
        List<GroupResult> answers;
        try {
            answers = unavailableOnFault(() -> loader.loadGroup(verdicts)).results();
        } catch (LoaderUnavailableException e) {
            metrics.batch(ValidationMetrics.LOADER_UNAVAILABLE);
            LOG.warnf("group of %d batches not loaded, loader unavailable: %s", batches.size(), e.getMessage());
            throw e;
        } catch (LoaderRejectedException e) {
            LOG.infof("the loader refused a group of %d batches (%d: %s); loading them one by one", batches.size(),
                    e.status(), e.detail());
            List<GroupResult> results = new ArrayList<>(batches.size());
            for (int i = 0; i < batches.size(); i++) {
                results.add(loadAlone(batches.get(i), verdicts.get(i)));
            }
            return results;
        }
        Map<UUID, GroupResult> byId = new HashMap<>();
        answers.forEach(answer -> byId.put(answer.batchId(), answer));
        List<GroupResult> results = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            CollectedBatch batch = batches.get(i);
            GroupResult answer = byId.get(batch.batchId());
            if (answer == null) {
                // not a refusal: the group is redelivered, and what the loader did store answers duplicate:true
                throw new LoaderUnavailableException("the loader answered no result for batch " + batch.batchId());
            }
            if (answer.status() / 100 == 2 && answer.receipt() != null) {
                loaded(batch, verdicts.get(i), answer.receipt());
                results.add(answer);
            } else {
                results.add(refused(batch, answer.status(), answer.detail()));
            }
        }
        return results;
    }

    /** The quality rules on one batch, logged as their actions ask. */
    private ValidatedBatch verdict(CollectedBatch batch, PreviousCloseSource closes, StoredBars stored) {
        ValidatedBatch verdict = batch.dataType() == DataType.MARKET_DATA
                ? validator.validate(batch, closes, stored)
                : recordValidator.validate(batch);
        verdictLog.log(verdict);
        return verdict;
    }

    private LoadReceipt load(CollectedBatch batch, ValidatedBatch verdict) {
        LoadReceipt receipt;
        try {
            receipt = unavailableOnFault(() -> loader.load(verdict));
        } catch (LoaderUnavailableException e) {
            metrics.batch(ValidationMetrics.LOADER_UNAVAILABLE);
            LOG.warnf("batch %s symbol %s not loaded, loader unavailable: %s", batch.batchId(), batch.symbol(),
                    e.getMessage());
            throw e;
        } catch (LoaderRejectedException e) {
            metrics.batch(ValidationMetrics.REJECTED);
            LOG.errorf("batch %s symbol %s refused by the loader (%d): %s", batch.batchId(), batch.symbol(),
                    e.status(), e.detail());
            throw e;
        }
        loaded(batch, verdict, receipt);
        return receipt;
    }

    private GroupResult loadAlone(CollectedBatch batch, ValidatedBatch verdict) {
        try {
            return GroupResult.loaded(load(batch, verdict));
        } catch (LoaderRejectedException e) {
            return GroupResult.refused(batch.batchId(), UNPROCESSABLE,
                    "the loader refused the verdict (" + e.status() + "): " + e.detail());
        }
    }

    private GroupResult refused(CollectedBatch batch, int status, String detail) {
        metrics.batch(ValidationMetrics.REJECTED);
        LOG.errorf("batch %s symbol %s refused by the loader (%d): %s", batch.batchId(), batch.symbol(), status,
                detail);
        return GroupResult.refused(batch.batchId(), UNPROCESSABLE,
                "the loader refused the verdict (" + status + "): " + detail);
    }

    private void loaded(CollectedBatch batch, ValidatedBatch verdict, LoadReceipt receipt) {
        metrics.loaded(verdict, receipt);
        if (!receipt.duplicate()) {
            quality.record(verdict);
        }
        LOG.infof("batch %s symbol %s %s: %d received, %d accepted, %d held back, %d batch issues, score %.3f%s",
                batch.batchId(), batch.symbol(), kind(batch), verdict.recordsReceived(),
                verdict.recordsReceived() - verdict.quarantinedCount(), verdict.quarantinedCount(),
                verdict.batchIssues().size(), verdict.qualityScore(), receipt.duplicate() ? " (already loaded)" : "");
    }

    /** A breaker open or a timeout is the same "later" for the caller as an unavailable loader. */
    private static <T> T unavailableOnFault(Supplier<T> call) {
        try {
            return call.get();
        } catch (FaultToleranceException e) {
            throw new LoaderUnavailableException("loader unavailable: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The interval of a bar batch, else the data type (order books and account data have no interval). */
    private static String kind(CollectedBatch batch) {
        return batch.interval() != null ? batch.interval().code() : batch.dataType().code();
    }
}
