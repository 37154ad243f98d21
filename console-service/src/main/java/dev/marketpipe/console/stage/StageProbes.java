package dev.marketpipe.console.stage;

import dev.marketpipe.console.client.StageError;
import dev.marketpipe.console.config.ConsoleConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads every configured instance of every stage at once — readiness, liveness and metrics from its management port —
 * so one stage that does not answer costs the page at most the probe timeout.
 */
@ApplicationScoped
public class StageProbes {

    private final ConsoleConfig config;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final Headlines headlines = new Headlines();
    private final Map<String, ManagementRestClient> clients = new ConcurrentHashMap<>();

    public StageProbes(ConsoleConfig config, ManagedExecutor executor) {
        this.config = config;
        this.executor = executor;
        this.clock = Clock.systemUTC();
    }

    /** Every stage, in flow order, each with all its instances. */
    public List<StageView> all() {
        Map<Stage, List<CompletableFuture<InstanceView>>> pending = new java.util.EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            List<CompletableFuture<InstanceView>> instances = new ArrayList<>();
            for (String url : stage.managementUrls(config)) {
                instances.add(CompletableFuture.supplyAsync(() -> probe(stage, url.strip()), executor));
            }
            pending.put(stage, instances);
        }
        List<StageView> stages = new ArrayList<>();
        pending.forEach((stage, instances) ->
                stages.add(new StageView(stage, stage.apiUrl(config), instances.stream().map(CompletableFuture::join).toList())));
        return stages;
    }

    private InstanceView probe(Stage stage, String url) {
        ManagementRestClient client = clients.computeIfAbsent(url, this::client);
        HealthAnswer liveness = health(client::live);
        HealthAnswer readiness = health(client::ready);
        List<String> lines = List.of();
        if (!"UNREACHABLE".equals(liveness.status())) {
            try (Response metrics = client.metrics()) {
                if (metrics.getStatus() == 200) {
                    lines = headlines.of(stage, url, MetricsText.parse(metrics.readEntity(String.class)),
                            clock.instant());
                }
            } catch (RuntimeException e) {
                lines = List.of("metrics not readable: " + describe(e));
            }
        }
        return new InstanceView(url, readiness, liveness, lines);
    }

    private static HealthAnswer health(Supplier<Response> call) {
        try (Response answer = call.get()) {
            return HealthAnswer.parse(answer.getStatus(), answer.readEntity(String.class));
        } catch (RuntimeException e) {
            return HealthAnswer.unreachable(describe(e));
        }
    }

    private ManagementRestClient client(String url) {
        long timeout = config.probeTimeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(ManagementRestClient.class);
    }

    /** The innermost cause, which says what happened (connection refused, timed out…). */
    static String describe(Throwable e) {
        Throwable cause = StageError.innermost(e);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
