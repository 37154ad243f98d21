package dev.marketpipe.collector.provider.kis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marketpipe.collector.budget.RateBudget;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.ProviderSettings;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A KIS provider that cannot work refuses to be built, naming the setting; a paper account swaps trading tr_ids. */
class KisSettingsTest {

    @Test
    void withoutAnAppKeyTheCollectorDoesNotStartAndSaysWhichSettingIsMissing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> factory(config("12345678-01", false)).create(settings(Optional.empty(), Optional.of("secret"))));

        assertEquals("provider kis (primary) needs marketpipe.collector.api.app-key (env "
                + "MARKETPIPE_COLLECTOR_API_APP_KEY), or marketpipe.collector.api.demo-credentials=true for the bundled "
                + "simulator", refused.getMessage());
    }

    @Test
    void theSimulatorsDemoCredentialsAreRefusedUnlessDemoCredentialsAreAllowed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> factory(config("12345678-01", false)).create(settings(Optional.of(ProviderSettings.DEMO_APP_KEY),
                        Optional.of("a-real-secret"))));

        assertEquals("provider kis (primary) is configured with the bundled simulator's demo app-key: give it its own, "
                + "or set marketpipe.collector.api.demo-credentials=true when it is the simulator",
                refused.getMessage());
    }

    @Test
    void withoutAnAccountTheCollectorDoesNotStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> factory(config(null, false)).create(settings(Optional.of("key"), Optional.of("secret"))));

        assertEquals("provider kis needs marketpipe.collector.kis.account (env MARKETPIPE_COLLECTOR_KIS_ACCOUNT), "
                + "e.g. 12345678-01", refused.getMessage());
    }

    @Test
    void anAccountNotInThe8Dash2SchemeIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> factory(config("1234-5678", false)).create(settings(Optional.of("key"), Optional.of("secret"))));

        assertEquals("marketpipe.collector.kis.account: a KIS account is 8 digits, a dash and 2 digits "
                + "(e.g. 12345678-01)", refused.getMessage());
    }

    @Test
    void aPaperAccountUsesVForTradingTrIdsAndKeepsQuotationIds() {
        KisProvider paper = new KisProvider(null, settings(Optional.of("k"), Optional.of("s")),
                config("12345678-01", true), KisAccount.parse("12345678-01"), null);
        KisProvider real = new KisProvider(null, settings(Optional.of("k"), Optional.of("s")),
                config("12345678-01", false), KisAccount.parse("12345678-01"), null);

        assertEquals("VTTC8434R", paper.trading(KisProvider.BALANCE));
        assertEquals("VTTC0081R", paper.trading(KisProvider.ORDERS));
        assertEquals("VTSC9215R", paper.trading(KisProvider.ORDERS_BEFORE));
        assertEquals("FHKST03010200", paper.trading(KisProvider.TODAY_MINUTES));
        assertEquals("TTTC8434R", real.trading(KisProvider.BALANCE));
    }

    private static KisProviderFactory factory(KisConfig config) {
        return new KisProviderFactory(config, null, new MarketClock(), new SimpleMeterRegistry());
    }

    private static ProviderSettings settings(Optional<String> appKey, Optional<String> appSecret) {
        return new ProviderSettings(SourceRole.PRIMARY, "marketpipe.collector.api", "kis", "kis", Optional.empty(),
                Duration.ofSeconds(2), Duration.ofSeconds(15), appKey, appSecret, 100,
                RateBudget.unlimited("kis", new SimpleMeterRegistry()), Duration.ofMinutes(5), Duration.ofSeconds(60),
                false);
    }

    private static KisConfig config(String account, boolean paper) {
        return new KisConfig() {
            @Override
            public Optional<String> account() {
                return Optional.ofNullable(account);
            }

            @Override
            public boolean paper() {
                return paper;
            }

            @Override
            public Optional<URI> url() {
                return Optional.empty();
            }

            @Override
            public URI realUrl() {
                return URI.create("https://openapi.koreainvestment.com:9443");
            }

            @Override
            public URI paperUrl() {
                return URI.create("https://openapivts.koreainvestment.com:29443");
            }

            @Override
            public String customerType() {
                return "P";
            }

            @Override
            public String marketDivision() {
                return "J";
            }
        };
    }
}
