package dev.marketpipe.simulator.health;

import dev.marketpipe.simulator.config.MarketSimulation;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * Ready once the generator answers: the simulator has no external dependency, so readiness is "can produce a
 * price". Reports seed and universe size (no secrets).
 */
@Readiness
@ApplicationScoped
public class GeneratorReadinessCheck implements HealthCheck {

    private final MarketSimulation simulation;

    public GeneratorReadinessCheck(MarketSimulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("market-generator")
                .withData("seed", simulation.bars().seed())
                .withData("symbols", simulation.symbols().size())
                .withData("invalidFraction", Double.toString(simulation.bars().invalidFraction()));
        try {
            simulation.bars().priceAt(simulation.symbols().get(0), Instant.now());
            return builder.up().build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
