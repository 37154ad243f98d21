package dev.marketpipe.archive.retention;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log part of the retention (logs are kept 90 days): files below a configured folder (the service's file log
 * handler, rotated files included) whose last modification is older than the limit are deleted. Here mtimes are the
 * right age: a log file is written by this machine until it is rotated away, and never copied around.
 * Symbolic links are neither followed nor deleted.
 */
final class LogFolder {

    private static final Logger LOG = Logger.getLogger(LogFolder.class);

    private final Path dir;
    private final Duration maxAge;

    LogFolder(Path dir, int maxAgeDays) {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxAge = Duration.ofDays(maxAgeDays);
    }

    void clean(Instant now, boolean dryRun, RetentionReport.Builder report) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warnf("log folder %s (marketpipe.archive.retention.log-dir) does not exist; no logs deleted", dir);
            return;
        }
        Instant limit = now.minus(maxAge);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            report.error("cannot list log folder " + dir + ": " + e.getMessage());
            return;
        }
        for (Path file : files) {
            try {
                if (!Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(limit)) {
                    continue;
                }
                long size = Files.size(file);
                if (!dryRun) {
                    Files.delete(file);
                }
                report.logDeleted(file.toString(), size);
            } catch (NoSuchFileException gone) {
                // rotated or deleted meanwhile
            } catch (IOException e) {
                report.error("cannot delete log file " + file + ": " + e.getMessage());
            }
        }
    }
}
