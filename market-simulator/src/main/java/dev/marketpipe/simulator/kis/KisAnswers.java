package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.provider.kis.KisTimes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The shapes of KIS answers: {@code {rt_cd, msg_cd, msg1, …}} with every number a string. Errors come as JSON on
 * HTTP 500 (the way KIS sends them), the token endpoint's on HTTP 403 as {@code {error_code, error_description}}.
 */
final class KisAnswers {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private KisAnswers() {
    }

    /** A successful answer's head; the caller adds its outputs. */
    static ObjectNode ok() {
        return MAPPER.createObjectNode().put("rt_cd", "0").put("msg_cd", "MCA00000").put("msg1", "정상처리 되었습니다.");
    }

    /** A business error as KIS sends it: HTTP 500 with a JSON body. */
    static Response error(String msgCd, String msg1) {
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(MAPPER.createObjectNode().put("rt_cd", "1").put("msg_cd", msgCd).put("msg1", msg1).toString())
                .build();
    }

    /** An error of the token endpoint: HTTP 403 with {@code error_code}/{@code error_description}. */
    static Response tokenError(String code, String description) {
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(MAPPER.createObjectNode().put("error_description", description).put("error_code", code)
                        .toString())
                .build();
    }

    /** {@code OPSQ2001} unless {@code date} is a {@code YYYYMMDD} date. */
    static Optional<Response> badDate(String date) {
        try {
            LocalDate.parse(date == null ? "" : date, KisTimes.DATE);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_DATE"));
        }
    }

    /** {@code OPSQ2001} unless {@code hour} is an {@code HHMMSS} time. */
    static Optional<Response> badTime(String hour) {
        try {
            LocalTime.parse(hour == null ? "" : hour, KisTimes.TIME);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_HOUR"));
        }
    }

    static Response json(ObjectNode body, String trCont) {
        Response.ResponseBuilder builder = Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE);
        if (trCont != null) {
            builder.header("tr_cont", trCont);
        }
        return builder.build();
    }

    /** A number as KIS writes it: a plain string, blank when absent. */
    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String number(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    static String number(long value) {
        return Long.toString(value);
    }
}
