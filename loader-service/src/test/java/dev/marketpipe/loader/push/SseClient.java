package dev.marketpipe.loader.push;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain server-sent-events client over the JDK's HTTP client, as a trading system would hold one: a background
 * thread reads the stream into {@link #events} until {@link #close()}.
 */
final class SseClient implements AutoCloseable {

    /** One event: its {@code id}, {@code event} name and {@code data}. */
    record Event(String id, String name, String data) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    volatile int status;
    private volatile InputStream body;
    private final Thread reader;

    SseClient(URI uri, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        reader = new Thread(() -> read(request.build()), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            status = answer.statusCode();
            body = answer.body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                }
            }
        } catch (IOException | InterruptedException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        InputStream open = body;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
