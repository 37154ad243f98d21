package dev.marketpipe.collector.provider.kis;

import dev.marketpipe.wire.AccountNumberMask;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KIS account number in its 8-2 scheme: {@code CANO} (8 digits) and {@code ACNT_PRDT_CD} (2 digits, e.g. 01 a
 * comprehensive account). Only {@link #masked()} leaves the provider adapter.
 */
record KisAccount(String cano, String productCode) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{8})-?(\\d{2})");

    /** The account of {@code text} ({@code 12345678-01} or {@code 1234567801}); {@link IllegalArgumentException}. */
    static KisAccount parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a KIS account is 8 digits, a dash and 2 digits (e.g. 12345678-01)");
        }
        return new KisAccount(matcher.group(1), matcher.group(2));
    }

    String number() {
        return cano + "-" + productCode;
    }

    String masked() {
        return AccountNumberMask.mask(number());
    }

    @Override
    public String toString() {
        return "KisAccount[" + masked() + "]";
    }
}
