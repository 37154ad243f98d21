package dev.marketpipe.archive.api;

import dev.marketpipe.archive.backup.BackupReport;
import dev.marketpipe.archive.backup.BackupService;
import dev.marketpipe.archive.backup.BackupStatus;
import dev.marketpipe.archive.backup.DayCopyReport;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Backup and restore of archive days: run one now, see the status, restore a day. */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/backups")
@Tag(name = "backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    private static final Long RETRY_AFTER_SECONDS = 30L;

    private final BackupService backups;

    @Inject
    public BackupResource(BackupService backups) {
        this.backups = backups;
    }

    @POST
    @Operation(summary = "Back up now",
            description = "Copies the archive day `date` (KST trading date, YYYY-MM-DD), or without it the"
                    + " marketpipe.archive.backup.lookback-days days before today, to the backup target; every"
                    + " copy is read back and its SHA-256 compared. Identical copies already there are skipped.")
    @APIResponse(responseCode = "200", description = "the run's report; `complete` false when a copy failed",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BackupReport.class),
                    examples = @ExampleObject(name = "one day copied", value = ApiExamples.BACKUP_REPORT)))
    @APIResponse(responseCode = "400", description = "date is not a YYYY-MM-DD date, or is in the future",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "future date",
                    value = ApiExamples.DATE_IN_FUTURE)))
    @APIResponse(responseCode = "409", description = "a backup or restore is in progress", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "busy", value = ApiExamples.BACKUP_BUSY)))
    @APIResponse(responseCode = "503", description = "the archive or the backup target cannot be listed right now"
            + " (Retry-After)")
    public BackupReport backup(@Parameter(description = "the archive day to copy (KST trading date, YYYY-MM-DD, not"
            + " in the future); without it the lookback-days days before today", example = "2025-03-04")
            @QueryParam("date") String date) {
        Optional<LocalDate> day = date == null ? Optional.empty() : Optional.of(pastDate("date", date));
        try {
            return backups.backup(day, "api").orElseThrow(BackupResource::busy);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Operation(summary = "Backup status: target, last run, last complete run",
            description = "The target (filesystem:<folder> or s3:<bucket>/<prefix>), whether the daily backup is"
                    + " scheduled (marketpipe.archive.backup.enabled) and running now, the last run's report and when"
                    + " a run last completed.")
    @APIResponse(responseCode = "200", description = "the status",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = BackupStatus.class),
                    examples = @ExampleObject(name = "last run complete", value = ApiExamples.BACKUP_STATUS)))
    public BackupStatus status() {
        return backups.status();
    }

    @POST
    @Path("/{date}/restore")
    @Operation(summary = "Restore a day from the backup target",
            description = "Copies the day's objects that the live archive lacks (or holds damaged) back from the"
                    + " backup target, verifying each by SHA-256. Backup copies that fail their own checksum are"
                    + " not restored; live objects that are intact but different are left alone (conflicts).")
    @APIResponse(responseCode = "200", description = "what was restored; `complete` false when something was not",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = DayCopyReport.class),
                    examples = @ExampleObject(name = "three objects restored", value = ApiExamples.RESTORED)))
    @APIResponse(responseCode = "400", description = "date is not a YYYY-MM-DD date, or is in the future",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "future date",
                    value = ApiExamples.DATE_IN_FUTURE)))
    @APIResponse(responseCode = "404", description = "the backup target holds nothing for that day",
            content = @Content(mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "nothing backed up",
                    value = ApiExamples.NOTHING_TO_RESTORE)))
    @APIResponse(responseCode = "409", description = "a backup or restore is in progress", content = @Content(
            mediaType = ApiExamples.PROBLEM, examples = @ExampleObject(name = "busy", value = ApiExamples.BACKUP_BUSY)))
    @APIResponse(responseCode = "503", description = "the archive or the backup target cannot be listed right now"
            + " (Retry-After)")
    public DayCopyReport restore(@Parameter(description = "the archive day to restore (KST trading date,"
            + " YYYY-MM-DD)", example = "2025-03-04") @PathParam("date") String date) {
        LocalDate day = pastDate("date", date);
        DayCopyReport report;
        try {
            report = backups.restore(day).orElseThrow(BackupResource::busy);
        } catch (IOException e) {
            throw unavailable(e);
        }
        if (report.objects() == 0) {
            throw new NotFoundException("the backup target holds nothing for " + day);
        }
        return report;
    }

    private LocalDate pastDate(String name, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date YYYY-MM-DD (KST trading date), not '" + value + "'");
        }
        if (date.isAfter(backups.today())) {
            throw new BadRequestException(name + " " + date + " is in the future (today is " + backups.today()
                    + " in Asia/Seoul)");
        }
        return date;
    }

    private static ClientErrorException busy() {
        return new ClientErrorException("a backup or restore is in progress; try again when it has finished",
                Response.Status.CONFLICT);
    }

    private static ServiceUnavailableException unavailable(IOException e) {
        return new ServiceUnavailableException("the archive or the backup target cannot be listed right now: "
                + e.getMessage(), RETRY_AFTER_SECONDS, e);
    }
}
