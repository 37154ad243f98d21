package dev.marketpipe.simulator.kis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.Set;

/**
 * What KIS checks of every call before answering: a token it issued and that has not expired, the app key and
 * secret, a {@code tr_id} the path serves and a {@code custtype}. A refused call gets KIS's error body on HTTP 500.
 */
@ApplicationScoped
public class KisGate {

    private static final String SCHEME = "Bearer ";
    private static final Set<String> CUSTOMER_TYPES = Set.of("P", "B");

    private final KisTokens tokens;

    public KisGate(KisTokens tokens) {
        this.tokens = tokens;
    }

    /** The refusal of a call with {@code headers} to a path that serves {@code trIds}, or empty to answer it. */
    Optional<Response> refusal(HttpHeaders headers, Set<String> trIds) {
        String authorization = headers.getHeaderString("authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length()).trim() : null;
        if (!tokens.known(token)) {
            return Optional.of(KisAnswers.error(KisMessageCodes.TOKEN_INVALID, "유효하지 않은 token 입니다."));
        }
        if (tokens.expired(token)) {
            return Optional.of(KisAnswers.error(KisMessageCodes.TOKEN_EXPIRED, "기간이 만료된 token 입니다."));
        }
        if (!tokens.accepts(headers.getHeaderString("appkey"), headers.getHeaderString("appsecret"))) {
            return Optional.of(KisAnswers.error(KisMessageCodes.BAD_APP_KEY, "유효하지 않은 AppKey입니다."));
        }
        String trId = headers.getHeaderString("tr_id");
        if (trId == null || !trIds.contains(trId)) {
            return Optional.of(KisAnswers.error(KisMessageCodes.NO_SUCH_SERVICE, "없는 서비스 코드 입니다"));
        }
        if (!CUSTOMER_TYPES.contains(headers.getHeaderString("custtype"))) {
            return Optional.of(KisAnswers.error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_CUSTTYPE"));
        }
        return Optional.empty();
    }
}
