package dev.marketpipe.collector.api;

import dev.marketpipe.collector.replica.LeaseTable;
import dev.marketpipe.collector.replica.ReplicaConfig;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.util.List;

/** {@code GET /v1/leases}: which collector instance collects which symbol (architecture "Scaling"). */
@RolesAllowed(Roles.OPERATOR)
@Path("/v1/leases")
@Produces(MediaType.APPLICATION_JSON)
public class LeaseResource {

    private final SymbolOwnership ownership;
    private final LeaseTable table;
    private final ReplicaConfig config;

    LeaseResource(SymbolOwnership ownership, LeaseTable table, ReplicaConfig config) {
        this.ownership = ownership;
        this.table = table;
        this.config = config;
    }

    /**
     * @param instance this instance's id
     * @param owned    the symbols this instance collects now
     * @param members  instances in the lease table ({@code live}: heartbeat not expired)
     * @param leases   every symbol's lease ({@code live}: held and not expired)
     */
    @RegisterForReflection
    public record Leases(String instance, boolean replicasEnabled, long leaseDurationSeconds, List<String> owned,
            List<LeaseTable.Member> members, List<LeaseTable.Lease> leases) {
    }

    @GET
    @Operation(summary = "Which instance collects which symbol",
            description = "This instance's id and the symbols it holds (owned), every instance in the lease table"
                    + " (live: heartbeat not expired) and every symbol's lease (live: held and not expired). The live"
                    + " job and the scheduled gap-fill work only on owned.")
    @APIResponse(responseCode = "200", description = "the lease table as this instance sees it",
            content = @Content(mediaType = ApiExamples.JSON, schema = @Schema(implementation = Leases.class),
                    examples = @ExampleObject(name = "two replicas", value = ApiExamples.LEASES)))
    @APIResponse(responseCode = "503", description = "the lease table is not readable (database unreachable)")
    public Leases leases() {
        try {
            return new Leases(ownership.instanceId(), config.enabled(), config.leaseDuration().toSeconds(), ownership.owned(),
                    table.members(), table.leases());
        } catch (SQLException e) {
            throw new ServiceUnavailableException("the lease table is not readable: " + e.getMessage());
        }
    }
}
