package dev.marketpipe.simulator.kis;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The approval keys of KIS's real-time WebSocket ({@code POST /oauth2/Approval}): a subscribe request carries one
 * in its header, and a key this simulator did not issue is refused. Kept in memory like the tokens, so a restart
 * forgets them; only the most recent {@value #KEPT} are remembered, which no well-behaved client comes near.
 */
@ApplicationScoped
public class KisApprovals {

    static final int KEPT = 10_000;

    private final Map<String, Boolean> issued = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    });

    /** A new approval key (the shape of KIS's: a UUID; a random one is drawn from a secure generator). */
    String issue() {
        String key = UUID.randomUUID().toString();
        issued.put(key, Boolean.TRUE);
        return key;
    }

    /** Whether {@code key} was issued here. */
    public boolean accepts(String key) {
        return key != null && issued.containsKey(key);
    }
}
