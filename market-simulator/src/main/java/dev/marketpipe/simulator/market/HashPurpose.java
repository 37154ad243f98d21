package dev.marketpipe.simulator.market;

import java.nio.charset.StandardCharsets;

/**
 * What a generator hashes a number for. Each purpose mixes its own constant into {@link SeededHash} (domain
 * separation), so two purposes never share a number; the constant is the purpose's four-letter tag read as a
 * big-endian ASCII number ({@code "hold"} is {@code 0x686F6C64}). A tag never changes: the simulated market is
 * a function of them.
 */
enum HashPurpose {

    // BarGenerator
    BASE_PRICE("base"),
    DAILY_VALUE("valu"),
    DAY_CLOSE("clos"),
    STEP("step"),
    WICK("wick"),
    VOLUME("volu"),
    CORRUPT("corr"),
    CORRUPT_KIND("kind"),

    // AccountGenerator
    HOLD("hold"),
    HOLD_QUANTITY("hqty"),
    AVERAGE("avg "),
    CASH("cash"),
    ORDERS("ords"),
    ORDER_TIME("otim"),
    ORDER_SIDE("osid"),
    ORDER_QUANTITY("oqty"),
    ORDER_FILL("ofil"),

    // TradeTape
    COUNT("cntT"),
    SECOND("seco"),
    ANCHOR("anch"),
    NOISE("nois"),
    SHARE("shar"),

    // OrderBookGenerator
    BOOK_SIDE("side"),
    BOOK_QUANTITY("quan");

    /** The constant mixed in for this purpose. */
    final long tag;

    HashPurpose(String tag) {
        long value = 0;
        for (byte b : tag.getBytes(StandardCharsets.US_ASCII)) {
            value = value << 8 | (b & 0xFF);
        }
        this.tag = value;
    }
}
