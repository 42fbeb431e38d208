package dev.nightshift.platform.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to create a team. */
public record NewTeam(
    @NotBlank @Size(max = 200) String name,
    @NotNull
        @Pattern(
            regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
            message = "must be 1 to 63 lowercase letters, digits or inner hyphens")
        String slug) {}
