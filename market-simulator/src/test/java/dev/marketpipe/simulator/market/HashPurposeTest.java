package dev.marketpipe.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The purposes' constants are their tags in ASCII and never change: the simulated market is a function of them. */
class HashPurposeTest {

    @Test
    void aTagIsItsFourLettersReadAsOneNumber() {
        assertEquals(0x686F6C64L, HashPurpose.HOLD.tag);
        assertEquals(0x61766720L, HashPurpose.AVERAGE.tag, "a space counts");
        assertEquals(0x62617365L, HashPurpose.BASE_PRICE.tag);
        assertEquals(0x636E7454L, HashPurpose.COUNT.tag);
        assertEquals(0x7175616EL, HashPurpose.BOOK_QUANTITY.tag);
    }

    @Test
    void noTwoPurposesShareATag() {
        assertEquals(HashPurpose.values().length,
                Arrays.stream(HashPurpose.values()).mapToLong(p -> p.tag).distinct().count());
    }
}
