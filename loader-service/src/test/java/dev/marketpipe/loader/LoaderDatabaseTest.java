package dev.marketpipe.loader;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * What most loader tests start from: the real PostgreSQL behind the loader ({@link Db}), the loader's own HTTP API
 * ({@link LoaderApi}) and a symbol no other test uses, so tests sharing one database never see each other's rows.
 */
public abstract class LoaderDatabaseTest {

    @Inject
    protected DataSource dataSource;

    @Inject
    protected ObjectMapper objectMapper;

    protected Db db;
    protected LoaderApi api;
    protected String symbol;

    @BeforeEach
    protected void setUpLoaderTest() {
        db = new Db(dataSource);
        api = new LoaderApi(objectMapper);
        symbol = TestBatches.uniqueSymbol();
    }
}
