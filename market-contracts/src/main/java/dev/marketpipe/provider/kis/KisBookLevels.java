package dev.marketpipe.provider.kis;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.BookLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One side of a KIS order book, read the same way from the REST answer ({@code askp1}, {@code askp_rsqn1}, …) and
 * from a real-time record ({@code ASKP1}, {@code ASKP_RSQN1}, …): ten levels best first; an empty level (price and
 * quantity 0) ends the side.
 */
public final class KisBookLevels {

    static final int LEVELS = 10;

    private KisBookLevels() {
    }

    /**
     * @param field    the field of a name
     * @param price    the price field's prefix ({@code bidp}, {@code ASKP})
     * @param quantity the quantity field's prefix ({@code bidp_rsqn}, {@code ASKP_RSQN})
     */
    public static List<BookLevel> side(Function<String, JsonNode> field, String price, String quantity) {
        List<BookLevel> levels = new ArrayList<>();
        for (int i = 1; i <= LEVELS; i++) {
            BigDecimal levelPrice = decimal(field.apply(price + i));
            Long levelQuantity = whole(field.apply(quantity + i));
            if (levelPrice != null && levelPrice.signum() == 0 && levelQuantity != null && levelQuantity == 0) {
                break;
            }
            levels.add(new BookLevel(levelPrice, levelQuantity));
        }
        return levels;
    }
}
