package dev.marketpipe.loader;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * What most loader tests start from: the real PostgreSQL behind the loader ({@link Db}), the loader's own HTTP API
 * ({@link LoaderApi}) and a symbol no other test uses, so tests sharing one database never see each other's rows.
 */
abstract class LoaderDatabaseTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    Db db;
    LoaderApi api;
    String symbol;

    @BeforeEach
    void setUpLoaderTest() {
        db = new Db(dataSource);
        api = new LoaderApi(objectMapper);
        symbol = TestBatches.uniqueSymbol();
    }
}
