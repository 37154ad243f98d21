package dev.marketpipe.console.client;

import java.util.List;

/** The body of {@code POST /v1/replays}: market data of the symbols (all when empty) from..to. */
public record ReplayRequest(String from, String to, List<String> dataTypes, List<String> symbols) {
}
