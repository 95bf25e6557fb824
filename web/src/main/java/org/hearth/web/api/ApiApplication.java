package org.hearth.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API's root, {@code /api/v1}. Its OpenAPI document is generated from these resources when the web module
 * is built ({@link org.hearth.web.apidocs.ApiDocumentFilter} adds the error answers) and served at {@code /api-docs/openapi.json} and
 * {@code /api-docs/openapi.yaml}; signed-in staff read it at {@code /api-docs/}.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Hearth API",
                        version = "1",
                        description = "Case management for clinic family programs. Every call needs a bearer access"
                                + " token of Hearth's Keycloak realm; the services decide who may, as on the pages,"
                                + " and a refusal is audited. Errors are application/problem+json."),
        servers = @Server(url = "/hearth", description = "This server"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token of Hearth's Keycloak realm (OpenID Connect), issued to Hearth's web client or"
                + " to an API client the clinic allows (HEARTH_API_CLIENTS); see docs/api.md.")
public class ApiApplication extends Application {}
