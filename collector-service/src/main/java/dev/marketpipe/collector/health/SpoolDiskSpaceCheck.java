package dev.marketpipe.collector.health;

import dev.marketpipe.collector.spool.BatchSpool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Readiness check {@code disk_space}: the usable space on the disk of the collector's spool, the only disk it
 * writes (batches wait there while the archive cannot take them). Below
 * {@code marketpipe.collector.health.disk-space.min-free-gb} the pod is not ready, before the spool itself starts
 * refusing batches (at {@code marketpipe.collector.spool.min-free-mib}); a full disk is this pod's volume, which a
 * restart does not empty, so liveness is untouched.
 */
@Readiness
@ApplicationScoped
public class SpoolDiskSpaceCheck implements HealthCheck {

    private static final double BYTES_PER_GB = 1e9;

    private final BatchSpool spool;
    private final double minFreeGb;

    SpoolDiskSpaceCheck(BatchSpool spool, HealthConfig config) {
        this.spool = spool;
        this.minFreeGb = config.diskSpace().minFreeGb();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            double freeGb = Files.getFileStore(spool.dir()).getUsableSpace() / BYTES_PER_GB;
            return HealthCheckResponse.named("disk_space").status(freeGb >= minFreeGb)
                    .withData("path", spool.dir().toString())
                    .withData("freeGb", String.format("%.2f", freeGb))
                    .withData("minFreeGb", Double.toString(minFreeGb)).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("disk_space").down().withData("path", spool.dir().toString())
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
