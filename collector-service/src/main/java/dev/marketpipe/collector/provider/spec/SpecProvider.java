package dev.marketpipe.collector.provider.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.ProviderAnswer;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.ProviderSettings;
import dev.marketpipe.collector.provider.SecuritiesProvider;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormats;
import dev.marketpipe.provider.spec.SpecFormat;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code spec} provider's contract (bars, order book, account data; the bundled simulator serves it, see
 * docs/CONTRACTS.md "Securities API"): a bearer token from {@code POST /oauth/token}, page-numbered answers
 * ({@code meta.total_pages}), failures by HTTP status ({@link SpecErrorMapper}). Answers are read by
 * {@link SpecFormat}, the reader the archive's replay uses too.
 */
final class SpecProvider implements SecuritiesProvider {

    private final SpecRestClient api;
    private final ProviderSettings settings;
    private final AccessTokens tokens;
    private final ObjectMapper mapper;
    private final Set<String> secrets;

    SpecProvider(SpecRestClient api, ProviderSettings settings, AccessTokens tokens, ObjectMapper mapper,
            Set<String> secrets) {
        this.secrets = secrets;
        this.api = api;
        this.settings = settings;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Set<String> secrets() {
        return secrets;
    }

    @Override
    public AccessTokens tokens() {
        return tokens;
    }

    @Override
    public ProviderAnswer<List<Bar>, BarsQuery> fetchBars(BarsQuery query, Instant fetchedAt) {
        String body = tokens.withRenewal(token -> send(() -> api.marketData("Bearer " + token, query.symbol(),
                query.interval().code(), query.startDate(), query.endDate(), settings.pageSize(), query.page())));
        JsonNode root = parse(body);
        if (!"success".equals(root.path("status").asText()) || !root.path("data").isArray()) {
            throw new ProviderException.Unavailable(200,
                    "the securities API answered status '" + root.path("status").asText() + "' without a data array");
        }
        ResponseContext context = ResponseContext.market(query.symbol(), query.interval(), null, null, fetchedAt);
        BarsQuery next = query.page() < SpecFormat.totalPages(root) ? query.withPage(query.page() + 1) : null;
        return new ProviderAnswer<>(root, ResponseFormats.SPEC.bars(root, context), next);
    }

    @Override
    public ProviderAnswer<BatchRecords, SnapshotQuery> fetchSnapshot(SnapshotQuery query, Instant fetchedAt) {
        String body = tokens.withRenewal(token -> send(() -> call("Bearer " + token, query)));
        JsonNode root = parse(body);
        // an order book is a bare object; the account endpoints use the status/data envelope
        if (query.dataType() != DataType.ORDERBOOK && !"success".equals(root.path("status").asText())) {
            throw new ProviderException.Unavailable(200, "the securities API answered " + query.dataType().code()
                    + " without status 'success'");
        }
        ResponseContext context = ResponseContext.market(query.symbol(), null, null, null, fetchedAt);
        SnapshotQuery next = query.page() < SpecFormat.totalPages(root) ? query.withPage(query.page() + 1) : null;
        return new ProviderAnswer<>(root, ResponseFormats.SPEC.records(query.dataType(), root, context), next);
    }

    private String call(String authorization, SnapshotQuery query) {
        return switch (query.dataType()) {
            case ORDERBOOK -> api.orderBook(authorization, query.symbol());
            case ACCOUNT_INFO -> api.accountInfo(authorization);
            case POSITIONS -> api.positions(authorization);
            case ORDERS -> api.orderHistory(authorization, query.startDate(), query.endDate(), settings.pageSize(),
                    query.page());
            case MARKET_DATA -> throw new IllegalArgumentException("bars are fetched with fetchBars");
            case TICKS -> throw new IllegalArgumentException("ticks come from the real-time feed");
        };
    }

    /** Every request takes a token of the provider's rate budget first, at the priority of the work on this thread. */
    private <T> T send(Supplier<T> request) {
        settings.budget().acquire(WorkPriority.current());
        return request.get();
    }

    private JsonNode parse(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProviderException.Unavailable(200, "the securities API answered with malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException.Unavailable(200, "the securities API answered with a body that is not a JSON object");
        }
        return root;
    }
}
