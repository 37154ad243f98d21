package dev.marketpipe.archive.health;

import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.disk.FreeSpacePolicy;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;

/**
 * Readiness (the {@code disk_space} health check): DOWN when the archive root cannot be written or its free space
 * is below {@code marketpipe.archive.min-free-space-mb}, so no new batches are routed here.
 */
@Readiness
public class ArchiveStorageReadiness implements HealthCheck {

    private final ArchiveRoot root;
    private final FreeSpacePolicy freeSpace;

    @Inject
    public ArchiveStorageReadiness(ArchiveRoot root, FreeSpacePolicy freeSpace) {
        this.root = root;
        this.freeSpace = freeSpace;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = root.isWritable();
        long free;
        try {
            free = root.usableBytes();
        } catch (IOException e) {
            free = -1;
        }
        boolean enoughSpace = free >= freeSpace.minFreeBytes();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("disk_space")
                .status(writable && enoughSpace)
                .withData("root", root.path().toString())
                .withData("writable", writable)
                .withData("freeMb", free < 0 ? -1 : free / (1024 * 1024))
                .withData("minFreeMb", freeSpace.minFreeBytes() / (1024 * 1024));
        return response.build();
    }
}
