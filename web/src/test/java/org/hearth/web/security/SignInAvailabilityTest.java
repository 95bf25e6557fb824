package org.hearth.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SignInAvailabilityTest {

    @Test
    void pagesNeedASignInButTheApiPublicResourcesAndKeycloaksReturnDoNot() {
        assertThat(SignInAvailability.needsSignIn("/", null)).isTrue();
        assertThat(SignInAvailability.needsSignIn("/home", null)).isTrue();
        assertThat(SignInAvailability.needsSignIn("/families/record.xhtml", "id=4"))
                .isTrue();

        assertThat(SignInAvailability.needsSignIn("/api/v1/me", null)).isFalse();
        assertThat(SignInAvailability.needsSignIn("/jakarta.faces.resource/hearth.css.xhtml", "ln=hearth"))
                .isFalse();
        assertThat(SignInAvailability.needsSignIn("/feeds/abc", null)).isFalse();
        assertThat(SignInAvailability.needsSignIn("/m/abc", null))
                .as("a message's link")
                .isFalse();
        assertThat(SignInAvailability.needsSignIn("/errors/404.xhtml", null)).isFalse();
        assertThat(SignInAvailability.needsSignIn("/sign-in-unavailable", null)).isFalse();
        assertThat(SignInAvailability.needsSignIn("/home", "state=a1&code=b2&session_state=c3"))
                .as("Keycloak's return with a code: the sign-in is completing")
                .isFalse();
    }

    @Test
    void aProviderThatAnswersItsDiscoveryDocumentIsReachableAndAClosedPortIsNot() throws IOException {
        HttpServer provider = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        provider.createContext("/realms/hearth/.well-known/openid-configuration", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.start();
        try {
            String url = "http://localhost:" + provider.getAddress().getPort() + "/realms/hearth";
            assertThat(new ProviderReachability(url).answers()).isTrue();
        } finally {
            provider.stop(0);
        }

        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        assertThat(new ProviderReachability("http://localhost:" + closedPort + "/realms/hearth").answers())
                .isFalse();
    }
}
