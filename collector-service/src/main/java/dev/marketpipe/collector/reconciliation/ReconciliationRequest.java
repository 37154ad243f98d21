package dev.marketpipe.collector.reconciliation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /v1/reconciliation}: compare daily bars of {@code symbols} for trading dates {@code from..to}. */
@RegisterForReflection
public record ReconciliationRequest(
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @NotEmpty @Size(max = 200) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,20}",
                message = "must be 1-20 letters, digits, '.', '_' or '-'") String> symbols) {
}
