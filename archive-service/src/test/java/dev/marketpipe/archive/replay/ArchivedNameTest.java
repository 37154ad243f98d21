package dev.marketpipe.archive.replay;

import dev.marketpipe.wire.DataType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivedNameTest {

    @Test
    void readsDataTypeAndSymbolFromTheSpecFileName() {
        assertEquals(Optional.of(new ArchivedName("raw/2025/03/04/market_data_005930_20250304_090000.json",
                        DataType.MARKET_DATA, "005930")),
                ArchivedName.parse("raw/2025/03/04/market_data_005930_20250304_090000.json"));
        assertEquals(Optional.of(new ArchivedName("raw/2025/03/04/orderbook_A_B.1_20250304_090010_12.json",
                        DataType.ORDERBOOK, "A_B.1")),
                ArchivedName.parse("raw/2025/03/04/orderbook_A_B.1_20250304_090010_12.json"), "suffix and odd symbol");
        assertEquals(Optional.of(new ArchivedName("raw/2025/03/04/account_info_20250304_090500.json",
                        DataType.ACCOUNT_INFO, null)),
                ArchivedName.parse("raw/2025/03/04/account_info_20250304_090500.json"), "no symbol");
    }

    @Test
    void aGzippedEnvelopeStandsForItsOriginalRef() {
        assertEquals("raw/2025/03/04/market_data_005930_20250304_090000_2.json",
                ArchivedName.parse("raw/2025/03/04/market_data_005930_20250304_090000_2.json.gz").orElseThrow().ref());
    }

    @Test
    void otherFilesAreNotEnvelopes() {
        assertTrue(ArchivedName.parse("raw/2025/03/04/.tmp-123.part").isEmpty());
        assertTrue(ArchivedName.parse("raw/2025/03/04/market_data_005930_20250304_090000.csv").isEmpty());
        assertTrue(ArchivedName.parse("raw/2025/03/04/trades_005930_20250304_090000.json").isEmpty());
        assertTrue(ArchivedName.parse("raw/2025/03/04/market_data_005930_2025030_090000.json").isEmpty());
    }
}
