package dev.marketpipe.loader.api;

import dev.marketpipe.loader.config.LoaderConfig;
import dev.marketpipe.loader.database.TranslatesDatabaseFaults;
import dev.marketpipe.loader.quarantine.QuarantineEntry;
import dev.marketpipe.loader.quarantine.QuarantineReader;
import dev.marketpipe.wire.QuarantineStatus;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code GET /v1/quarantine}: quarantined records (spec §7.2), newest first. */
@Path("/v1/quarantine")
@TranslatesDatabaseFaults
public class QuarantineResource {

    private final QuarantineReader reader;
    private final LoaderConfig config;

    public QuarantineResource(QuarantineReader reader, LoaderConfig config) {
        this.reader = reader;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quarantined records with their reasons, newest first; filter by status and symbol.")
    public List<QuarantineEntry> list(
            @QueryParam("status") String status,
            @QueryParam("symbol") @Size(max = 20) String symbol,
            @QueryParam("limit") @Min(1) Integer limit) {
        return reader.list(status == null || status.isBlank() ? null : parseStatus(status),
                symbol == null || symbol.isBlank() ? null : symbol, Limits.of(limit, config.lists()));
    }

    private static QuarantineStatus parseStatus(String status) {
        for (QuarantineStatus candidate : QuarantineStatus.values()) {
            if (candidate.code().equalsIgnoreCase(status.trim())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown status '" + status + "' (expected "
                + Arrays.stream(QuarantineStatus.values()).map(QuarantineStatus::code)
                        .collect(Collectors.joining(", ")) + ")");
    }
}
