package dev.marketpipe.simulator.kis;

/**
 * The KIS {@code msg_cd} values the simulator answers with: those of the REST API ({@code EGW…} from the gateway,
 * {@code OPSQ…} from the services) and those of the real-time WebSocket ({@code OPSP…}).
 */
public final class KisMessageCodes {

    public static final String RATE_LIMITED = "EGW00201";
    public static final String TOKEN_EXPIRED = "EGW00123";
    public static final String TOKEN_INVALID = "EGW00121";
    public static final String TOKEN_THROTTLED = "EGW00133";
    public static final String BAD_APP_KEY = "EGW00103";
    public static final String BAD_INPUT = "OPSQ2001";
    public static final String NO_SUCH_SERVICE = "OPSQ0002";

    public static final String SUBSCRIBED = "OPSP0000";
    public static final String UNSUBSCRIBED = "OPSP0001";
    public static final String ALREADY_SUBSCRIBED = "OPSP0002";
    public static final String NOT_SUBSCRIBED = "OPSP0003";
    public static final String MAX_SUBSCRIPTIONS = "OPSP0008";
    public static final String INVALID_APPROVAL = "OPSP0011";
    /** The simulator's code for a real-time request it cannot read or serve (unknown tr_id or tr_key, bad JSON). */
    public static final String INVALID_REQUEST = "OPSP9999";

    private KisMessageCodes() {
    }
}
