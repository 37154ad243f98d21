package dev.marketpipe.collector.api;

import dev.marketpipe.collector.reconciliation.ReconciliationReport;
import dev.marketpipe.collector.reconciliation.ReconciliationRequest;
import dev.marketpipe.collector.reconciliation.ReconciliationService;
import dev.marketpipe.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.temporal.ChronoUnit;

/** Spec §1 data reconciliation: the last report, or a run now (primary vs backup daily bars). */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    /** Longest range one run may compare (one request per symbol and source fits a year of daily bars). */
    static final long MAX_DAYS = 370;

    private final ReconciliationService reconciliation;

    ReconciliationResource(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    public ReconciliationReport last() {
        return reconciliation.last().orElseThrow(() -> new NotFoundException("no reconciliation has run yet"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ReconciliationReport run(@Valid @NotNull ReconciliationRequest request) {
        if (request.from().isAfter(request.to())) {
            throw new BadRequestException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) > MAX_DAYS) {
            throw new BadRequestException("a reconciliation may span at most " + MAX_DAYS + " days");
        }
        return reconciliation.run(request.from(), request.to(), request.symbols());
    }
}
