package dev.marketpipe.loader.collectionlog;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads {@code data_collection_log}, newest first (for reports and the collection-success KPI, spec §8). */
@ApplicationScoped
public class CollectionLog {

    public List<CollectionLogView> latest(String symbol, int limit) {
        var query = symbol == null
                ? CollectionLogEntry.<CollectionLogEntry>findAll(Sort.descending("id"))
                : CollectionLogEntry.<CollectionLogEntry>find("symbol", Sort.descending("id"), symbol);
        return query.page(Page.ofSize(limit)).list().stream().map(CollectionLogView::of).toList();
    }
}
