package dev.marketpipe.validator.validation;

import dev.marketpipe.validator.loader.LoaderClient;
import dev.marketpipe.validator.loader.LoaderPreviousCloses;
import dev.marketpipe.validator.loader.LoaderRejectedException;
import dev.marketpipe.validator.loader.LoaderStoredBars;
import dev.marketpipe.validator.loader.LoaderUnavailableException;
import dev.marketpipe.validator.quality.QualityTracker;
import dev.marketpipe.validator.records.RecordBatchValidator;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * One validation: apply spec §5 to a batch, log what the action table asks to log, hand the verdict to the loader
 * and return its receipt. Nothing is stored here; if the loader cannot take the verdict now, the caller answers
 * 503 and the archive's outbox redelivers the batch later.
 */
@ApplicationScoped
public class ValidationService {

    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    private final BatchValidator validator;
    private final RecordBatchValidator recordValidator;
    private final LoaderPreviousCloses previousCloses;
    private final LoaderStoredBars storedBars;
    private final LoaderClient loader;
    private final VerdictLog verdictLog;
    private final ValidationMetrics metrics;
    private final QualityTracker quality;

    public ValidationService(BatchValidator validator, RecordBatchValidator recordValidator,
            LoaderPreviousCloses previousCloses, LoaderStoredBars storedBars, LoaderClient loader, VerdictLog verdictLog, ValidationMetrics metrics,
            QualityTracker quality) {
        this.validator = validator;
        this.recordValidator = recordValidator;
        this.previousCloses = previousCloses;
        this.storedBars = storedBars;
        this.loader = loader;
        this.verdictLog = verdictLog;
        this.metrics = metrics;
        this.quality = quality;
    }

    /**
     * @throws LoaderUnavailableException the loader is down, slow, or its breaker is open: try again later
     * @throws LoaderRejectedException    the loader refused the verdict for good (4xx)
     */
    public LoadReceipt validateAndLoad(CollectedBatch batch) {
        ValidatedBatch verdict = batch.dataType() == DataType.MARKET_DATA
                ? validator.validate(batch, previousCloses, storedBars)
                : recordValidator.validate(batch);
        verdictLog.log(verdict);
        LoadReceipt receipt;
        try {
            receipt = loader.load(verdict);
        } catch (LoaderUnavailableException e) {
            metrics.batch(ValidationMetrics.LOADER_UNAVAILABLE);
            LOG.warnf("batch %s symbol %s not loaded, loader unavailable: %s", batch.batchId(), batch.symbol(),
                    e.getMessage());
            throw e;
        } catch (FaultToleranceException e) {
            // breaker open or timeout: the same "later" for the caller
            metrics.batch(ValidationMetrics.LOADER_UNAVAILABLE);
            LOG.warnf("batch %s symbol %s not loaded, loader unavailable: %s", batch.batchId(), batch.symbol(),
                    e.toString());
            throw new LoaderUnavailableException("loader unavailable: " + e.getClass().getSimpleName(), e);
        } catch (LoaderRejectedException e) {
            metrics.batch(ValidationMetrics.REJECTED);
            LOG.errorf("batch %s symbol %s refused by the loader (%d): %s", batch.batchId(), batch.symbol(),
                    e.status(), e.detail());
            throw e;
        }
        metrics.loaded(verdict, receipt);
        if (!receipt.duplicate()) {
            quality.record(verdict);
        }
        LOG.infof("batch %s symbol %s %s: %d received, %d accepted, %d held back, %d batch issues, score %.3f%s",
                batch.batchId(), batch.symbol(), kind(batch), verdict.recordsReceived(),
                verdict.recordsReceived() - verdict.quarantinedCount(), verdict.quarantinedCount(), verdict.batchIssues().size(),
                verdict.qualityScore(), receipt.duplicate() ? " (already loaded)" : "");
        return receipt;
    }

    /** The interval of a bar batch, else the data type (order books and account data have no interval). */
    private static String kind(CollectedBatch batch) {
        return batch.interval() != null ? batch.interval().code() : batch.dataType().code();
    }
}
