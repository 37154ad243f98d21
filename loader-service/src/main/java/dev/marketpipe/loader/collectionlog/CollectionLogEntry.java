package dev.marketpipe.loader.collectionlog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of spec §6 {@code data_collection_log}: the outcome of one loaded batch (spec §3 step 8 "log
 * success/failure"), plus the batch columns added in V2. The loader writes exactly one per loaded batch id; the
 * collector adds one per collection attempt that failed (V4 columns, {@code POST /v1/collection-log}).
 */
@Entity
@Table(name = "data_collection_log")
public class CollectionLogEntry extends PanacheEntityBase {

    public static final String SUCCESS = "success";
    public static final String WARNING = "warning";
    public static final String ERROR = "error";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "`timestamp`")
    public Instant timestamp;

    public String symbol;

    @Column(name = "`interval`")
    public String interval;

    /** {@code success}, {@code warning} or {@code error} (spec §6 comment). */
    public String status;

    @Column(name = "records_collected")
    public Integer recordsCollected;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "execution_time_ms")
    public Integer executionTimeMs;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "data_type")
    public String dataType;

    public String source;

    @Column(name = "records_accepted")
    public Integer recordsAccepted;

    @Column(name = "records_quarantined")
    public Integer recordsQuarantined;

    @Column(name = "quality_score")
    public Double qualityScore;

    /** V4: the spec §7.1 row of a failed collection attempt ({@code server_error}, {@code timeout}, …). */
    @Column(name = "error_type")
    public String errorType;

    /** V4: the provider's name. */
    public String provider;

    /** V4: calls the attempt made, retries included. */
    public Integer attempts;

    /** V8: the id of a reported collection attempt (one row per id). */
    @Column(name = "attempt_id")
    public UUID attemptId;
}
