package org.hearth.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether the OIDC provider (Keycloak) answers: its discovery document, asked with a short timeout, the answer
 * kept a few seconds so that a burst of new visitors asks once.
 */
final class ProviderReachability {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long KEEP_NANOS = Duration.ofSeconds(5).toNanos();

    private final URI discovery;
    private final HttpClient client;
    private volatile boolean lastAnswer = true;
    private volatile long askedAt;
    private volatile boolean askedOnce;

    ProviderReachability(String providerUrl) {
        String base = providerUrl.endsWith("/") ? providerUrl : providerUrl + "/";
        this.discovery = URI.create(base + ".well-known/openid-configuration");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Whether the provider answered its discovery document, now or within the last few seconds. */
    boolean answers() {
        long now = System.nanoTime();
        if (askedOnce && now - askedAt < KEEP_NANOS) {
            return lastAnswer;
        }
        boolean answer = ask();
        lastAnswer = answer;
        askedAt = now;
        askedOnce = true;
        return answer;
    }

    private boolean ask() {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
