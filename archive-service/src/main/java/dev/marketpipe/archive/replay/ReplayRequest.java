package dev.marketpipe.archive.replay;

import dev.marketpipe.wire.DataType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /v1/replays}: re-send the batches archived in the folders of the KST dates {@code from}..{@code to}
 * (both inclusive), optionally only those of some data types and symbols (absent or empty: all).
 */
@RegisterForReflection
public record ReplayRequest(
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @Size(max = 10) List<@NotNull DataType> dataTypes,
        @Size(max = 5000) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,20}",
                message = "must be 1-20 letters, digits, '.', '_' or '-'") String> symbols) {
}
