package dev.marketpipe.collector.provider.kis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * The KIS Open API ({@code marketpipe.collector.api.provider=kis}), under {@code marketpipe.collector.kis}. The app
 * key and secret are the role's ({@code marketpipe.collector.api.app-key} / {@code app-secret}).
 */
@ConfigMapping(prefix = "marketpipe.collector.kis")
public interface KisConfig {

    /** The account: 8 digits ({@code CANO}), a dash, 2 digits ({@code ACNT_PRDT_CD}), e.g. {@code 12345678-01}. */
    Optional<String> account();

    /** A paper (mock-trading) account: the paper host, {@code V…} trading transaction ids. */
    @WithDefault("false")
    boolean paper();

    /** The API's base URL; unset, KIS's own host for a real or a paper account. */
    Optional<URI> url();

    @WithDefault("https://openapi.koreainvestment.com:9443")
    URI realUrl();

    @WithDefault("https://openapivts.koreainvestment.com:29443")
    URI paperUrl();

    /** {@code custtype}: {@code P} a personal or corporate customer, {@code B} a partner company. */
    @WithDefault("P")
    String customerType();

    /** {@code FID_COND_MRKT_DIV_CODE}: {@code J} KRX, {@code NX} NXT, {@code UN} both. */
    @WithDefault("J")
    String marketDivision();
}
