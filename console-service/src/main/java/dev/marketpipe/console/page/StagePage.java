package dev.marketpipe.console.page;

import dev.marketpipe.console.client.StageError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/** A page a stage renders itself (the loader's daily report), passed through with the stage's own status. */
final class StagePage {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private StagePage() {
    }

    static Response html(Supplier<String> page) {
        try {
            return Response.ok(StageError.call("loader", page), HTML)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
        } catch (StageError e) {
            String text = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not available</title>"
                    + "</head><body><p>" + escape(e.getMessage()) + "</p></body></html>";
            return Response.status(e.status()).type(HTML).entity(text).build();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
