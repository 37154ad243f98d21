package dev.marketpipe.console.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.console.config.ConsoleConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The alerts firing now (active, neither silenced nor inhibited) in the Alertmanager of
 * {@code marketpipe.console.alertmanager-url}; nothing when none is configured.
 */
@ApplicationScoped
public class FiringAlerts {

    /** One alert as the Now page lists it. */
    public record Alert(String name, String severity, String summary, String since) {
    }

    /** What the page shows: no section when not configured, else the alerts or why they could not be read. */
    public record Answer(boolean configured, List<Alert> alerts, String problem) {
    }

    private final Optional<AlertmanagerRestClient> client;

    public FiringAlerts(ConsoleConfig config) {
        long timeout = config.probeTimeout().toMillis();
        this.client = config.alertmanagerUrl().filter(url -> !url.isBlank()).map(url ->
                QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url.strip()))
                        .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                        .build(AlertmanagerRestClient.class));
    }

    public Answer now() {
        if (client.isEmpty()) {
            return new Answer(false, List.of(), null);
        }
        try {
            List<Alert> alerts = new ArrayList<>();
            for (JsonNode alert : client.get().alerts(true, false, false)) {
                JsonNode labels = alert.path("labels");
                JsonNode annotations = alert.path("annotations");
                alerts.add(new Alert(labels.path("alertname").asText(), labels.path("severity").asText("–"),
                        annotations.path("summary").asText(annotations.path("description").asText("")),
                        alert.path("startsAt").asText()));
            }
            return new Answer(true, alerts, null);
        } catch (RuntimeException e) {
            return new Answer(true, List.of(), "Alertmanager did not answer: " + e.getMessage());
        }
    }
}
