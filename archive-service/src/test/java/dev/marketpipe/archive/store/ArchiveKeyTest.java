package dev.marketpipe.archive.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArchiveKeyTest {

    @Test
    void folderAndNameUseTheKstDateAndTimeOfTheWindowStart() {
        ArchiveKey key = ArchiveKey.of("market_data", "005930", Instant.parse("2025-03-04T00:00:00Z"));

        assertEquals("raw/2025/03/04", key.directory());
        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000.json", key.ref(1));
    }

    @Test
    void utcEveningIsTheNextKstDay() {
        ArchiveKey key = ArchiveKey.of("market_data", "005930", Instant.parse("2025-03-04T15:30:00Z"));

        assertEquals("raw/2025/03/05/market_data_005930_20250305_003000.json", key.ref(1));
    }

    @Test
    void lastSecondBeforeKstMidnightStaysOnTheDay() {
        ArchiveKey key = ArchiveKey.of("orderbook", "005930", Instant.parse("2025-03-04T14:59:59Z"));

        assertEquals("raw/2025/03/04/orderbook_005930_20250304_235959.json", key.ref(1));
    }

    @Test
    void dataTypesWithoutSymbolLeaveItOut() {
        ArchiveKey key = ArchiveKey.of("account_info", null, Instant.parse("2024-01-01T00:05:00Z"));

        assertEquals("raw/2024/01/01/account_info_20240101_090500.json", key.ref(1));
    }

    @Test
    void laterNamesGetSuffixes() {
        ArchiveKey key = ArchiveKey.of("market_data", "005930", Instant.parse("2025-03-04T00:00:00Z"));

        assertEquals("market_data_005930_20250304_090000_2.json", key.fileName(2));
        assertEquals(OptionalInt.of(1), key.suffixOf("market_data_005930_20250304_090000.json"));
        assertEquals(OptionalInt.of(12), key.suffixOf("market_data_005930_20250304_090000_12.json"));
        assertEquals(OptionalInt.empty(), key.suffixOf("market_data_005930_20250304_090000_1.json"));
        assertEquals(OptionalInt.empty(), key.suffixOf("market_data_005930_20250304_0900001.json"));
        assertEquals(OptionalInt.empty(), key.suffixOf("market_data_005930_20250304_090000_x.json"));
    }

    @Test
    void symbolThatIsNotSafeInAFileNameIsRefused() {
        Instant t = Instant.parse("2025-03-04T00:00:00Z");

        assertThrows(IllegalArgumentException.class, () -> ArchiveKey.of("market_data", "../../etc", t));
        assertThrows(IllegalArgumentException.class, () -> ArchiveKey.of("market_data", "a/b", t));
        assertThrows(IllegalArgumentException.class, () -> ArchiveKey.of("market_data", "", t));
    }
}
