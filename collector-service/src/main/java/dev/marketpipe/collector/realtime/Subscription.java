package dev.marketpipe.collector.realtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One subscription of a feed session: a record type ({@code tr_id}) of one symbol ({@code tr_key}). */
record Subscription(String trId, String symbol) {

    static final String SUBSCRIBE = "1";
    static final String UNSUBSCRIBE = "2";

    /** The request frame, {@code tr_type} {@link #SUBSCRIBE} or {@link #UNSUBSCRIBE}. */
    String request(String approvalKey, String customerType, String trType) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("header").put("approval_key", approvalKey).put("custtype", customerType)
                .put("tr_type", trType).put("content-type", "utf-8");
        root.putObject("body").putObject("input").put("tr_id", trId).put("tr_key", symbol);
        return root.toString();
    }
}
