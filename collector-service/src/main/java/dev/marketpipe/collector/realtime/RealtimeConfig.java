package dev.marketpipe.collector.realtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The real-time feed ({@code marketpipe.collector.realtime.*}): the KIS WebSocket's trades ({@code H0STCNT0}) and
 * order books ({@code H0STASP0}) of the symbols this collector instance owns. Off unless enabled.
 */
@ConfigMapping(prefix = "marketpipe.collector.realtime")
public interface RealtimeConfig {

    /** Whether the collector holds feed sessions at all. */
    @WithDefault("false")
    boolean enabled();

    /** The WebSocket's base URL; unset, KIS's own: {@code ws://ops.koreainvestment.com:21000} (paper: 31000). */
    Optional<URI> url();

    @WithDefault("ws://ops.koreainvestment.com:21000")
    URI realUrl();

    @WithDefault("ws://ops.koreainvestment.com:31000")
    URI paperUrl();

    /** The WebSocket's path. */
    @WithDefault("/tryitout")
    String path();

    /** Where {@code POST /oauth2/Approval} is asked for the approval key; unset, the KIS REST base URL. */
    Optional<URI> approvalUrl();

    /** Subscribe to each owned symbol's trades. */
    @WithDefault("true")
    boolean trades();

    /** Subscribe to each owned symbol's order book. */
    @WithDefault("true")
    boolean orderBook();

    /** Subscriptions one session may hold (KIS: 40); symbols are spread over as many sessions as needed. */
    @WithDefault("40")
    int maxSubscriptionsPerSession();

    /**
     * Frames of one symbol received within this window are archived as one batch. It must stay well below the
     * loader's {@code tick-bars.grace} (1 s): a minute's last trades wait up to one window before they leave.
     */
    @WithDefault("250ms")
    Duration batchWindow();

    /** First wait before a lost session is opened again; doubled on each failure up to {@code reconnect-max}. */
    @WithDefault("1s")
    Duration reconnectMin();

    @WithDefault("60s")
    Duration reconnectMax();

    /** How often the owned symbols are compared with the subscriptions (leases move symbols between replicas). */
    @WithDefault("10s")
    Duration resubscribeEvery();
}
