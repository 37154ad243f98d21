package dev.marketpipe.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.provider.kis.KisFormat;
import dev.marketpipe.provider.spec.SpecFormat;

import java.util.List;

/** Every raw-response format marketpipe reads, and which one an archived response is written in. */
public final class ResponseFormats {

    public static final ResponseFormat SPEC = new SpecFormat();
    public static final ResponseFormat KIS = new KisFormat();

    /** The more specific mark first: a KIS answer (or pair of answers) carries {@code rt_cd}, a spec answer never. */
    private static final List<ResponseFormat> ALL = List.of(KIS, SPEC);

    private ResponseFormats() {
    }

    /** The format of {@code raw}; {@link IllegalArgumentException} if no format recognises it. */
    public static ResponseFormat of(JsonNode raw) {
        for (ResponseFormat format : ALL) {
            if (format.recognises(raw)) {
                return format;
            }
        }
        throw new IllegalArgumentException("the raw response is in no known provider format (spec, kis)");
    }
}
