package io.robofarm.orchestrator.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A parameter a task declares: runs may pass it, and get {@code defaultValue} (kept as text,
 * checked against {@code type} on save) when they do not. A parameter without a default is required.
 */
@Embeddable
public record TaskParameter(
        @NotNull @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,63}", message = "must be a Lua name of at most 64 chars") String name,
        @NotNull @Enumerated(EnumType.STRING) ParameterType type,
        @JsonProperty("default") @Column(name = "default_value") @Size(max = 4000) String defaultValue,
        @Size(max = 1000) String description) {
}
