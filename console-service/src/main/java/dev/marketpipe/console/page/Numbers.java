package dev.marketpipe.console.page;

import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/** Figures as the pages show them ({@code {num:decimal(…)}}, {@code {num:share(…)}}). */
@TemplateExtension(namespace = "num")
public final class Numbers {

    private Numbers() {
    }

    /** Two decimals at most: {@code 97.6923076923} → {@code 97.69}, {@code 9.0} → {@code 9}. */
    public static String decimal(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A share 0..1 as a percentage: {@code 0.9769} → {@code 97.69 %}. */
    public static String share(double value) {
        return decimal(value * 100) + " %";
    }
}
