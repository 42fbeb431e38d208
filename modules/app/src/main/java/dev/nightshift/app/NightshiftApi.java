package dev.nightshift.app;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API's description in {@code /q/openapi}: every endpoint takes a bearer API key. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Nightshift",
            version = "v1",
            description =
                "Background jobs for a SaaS backend. Errors are RFC 9457 problem details."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(
    securitySchemeName = "apiKey",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A team's API key (nsk_...) or the operator's admin key.")
public class NightshiftApi extends Application {}
