package dev.marketpipe.collector.gapfill;

import dev.marketpipe.wire.BarInterval;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /v1/gapfills}: fill whatever is missing of {@code interval} bars of {@code symbols} on the
 * exchange trading dates {@code from}..{@code to} (both inclusive).
 */
@RegisterForReflection
public record GapfillRequest(
        @NotEmpty @Size(max = 5000) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,20}",
                message = "must be 1-20 letters, digits, '.', '_' or '-'") String> symbols,
        @NotNull BarInterval interval,
        @NotNull LocalDate from,
        @NotNull LocalDate to) {
}
