package org.hearth.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root, {@code /api/v1}. Its OpenAPI document is served at {@code /api-docs/openapi.yaml}. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
