package dev.marketpipe.console.client;

import io.quarkus.runtime.annotations.RegisterForReflection;
/** One kept daily report of the loader's index ({@code GET /v1/reports/daily/kept}). */
@RegisterForReflection
public record KeptReport(String date, String interval, String generatedAt, String status) {
}
