package dev.marketpipe.loader.tickbars;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** 1-minute bars built from the real-time ticks ({@code marketpipe.loader.tick-bars.*}). */
@ConfigMapping(prefix = "marketpipe.loader.tick-bars")
public interface TickBarsConfig {

    /** A minute's bar is built this long after the minute ended (ticks of its last second are still on their way). */
    @WithDefault("1s")
    Duration grace();

    /** How often due minutes are looked for. */
    @WithDefault("250ms")
    String every();

    /**
     * Which bar stays when the REST bar collected later differs from the one built from ticks: {@code rest} (the
     * provider's own bar, the default) or {@code ticks}. The difference is kept either way.
     */
    @WithDefault("rest")
    String prefer();
}
