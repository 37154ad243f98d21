package dev.marketpipe.console.stage;

import dev.marketpipe.console.config.ConsoleConfig;

import java.util.List;

/** The four stages in the order the data flows through them. */
public enum Stage {
    COLLECTOR("collector"),
    ARCHIVE("archive"),
    VALIDATOR("validator"),
    LOADER("loader");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The API base URL of this stage. */
    public String apiUrl(ConsoleConfig config) {
        return switch (this) {
            case COLLECTOR -> config.collectorUrl();
            case ARCHIVE -> config.archiveUrl();
            case VALIDATOR -> config.validatorUrl();
            case LOADER -> config.loaderUrl();
        };
    }

    /** The management URLs of this stage's instances. */
    public List<String> managementUrls(ConsoleConfig config) {
        return switch (this) {
            case COLLECTOR -> config.collectorManagementUrl();
            case ARCHIVE -> config.archiveManagementUrl();
            case VALIDATOR -> config.validatorManagementUrl();
            case LOADER -> config.loaderManagementUrl();
        };
    }
}
