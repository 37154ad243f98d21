package dev.marketpipe.console.stage;

import java.util.List;

/** A stage and its instances. */
public record StageView(Stage stage, String apiUrl, List<InstanceView> instances) {

    public String name() {
        return stage.label();
    }

    /** {@code up} when every instance is, {@code degraded} when some are, else {@code down}. */
    public String state() {
        long up = instances.stream().filter(InstanceView::up).count();
        if (up == instances.size() && up > 0) {
            return "up";
        }
        return up > 0 ? "degraded" : "down";
    }
}
