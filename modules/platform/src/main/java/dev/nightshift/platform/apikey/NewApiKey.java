package dev.nightshift.platform.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request for a new key; the name says what the key is for ("backend", "ci"). */
public record NewApiKey(@NotBlank @Size(max = 100) String name) {}
