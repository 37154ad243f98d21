package dev.marketpipe.simulator.kis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An armed fault ({@code PUT /simulator/faults}) as KIS answers it: a rate limit is {@code EGW00201} on HTTP 500, an
 * expired session {@code EGW00123} on HTTP 500 (and every token expires); any other status comes without a KIS body,
 * as from a gateway in front of KIS.
 */
@ApplicationScoped
public class KisFaults {

    private final KisTokens tokens;

    public KisFaults(KisTokens tokens) {
        this.tokens = tokens;
    }

    public Response response(int status) {
        return switch (status) {
            case 429 -> KisAnswers.error(KisMessageCodes.RATE_LIMITED, "초당 거래건수를 초과하였습니다.");
            case 401 -> {
                tokens.expireAll();
                yield KisAnswers.error(KisMessageCodes.TOKEN_EXPIRED, "기간이 만료된 token 입니다.");
            }
            default -> Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity("injected fault").build();
        };
    }
}
