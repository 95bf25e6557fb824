package org.hearth.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.hearth.staff.SignedInIdentity;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Reads the signed-in user's OIDC tokens from a request: the identity claims and the ID token for sign-out. */
public final class SignedInUser {

    private SignedInUser() {}

    /** The token's subject, username, name and email, or empty when the request is not signed in through OIDC. */
    public static Optional<SignedInIdentity> identityOf(HttpServletRequest request) {
        return principalOf(request).map(principal -> {
            AccessToken token = principal.getOidcSecurityContext().getToken();
            return new SignedInIdentity(token.getSubject(), principal.getName(), token.getName(), token.getEmail());
        });
    }

    /** The ID token, needed as {@code id_token_hint} to end the Keycloak session too. */
    public static Optional<String> idTokenOf(HttpServletRequest request) {
        return principalOf(request).map(p -> p.getOidcSecurityContext().getIDTokenString());
    }

    private static Optional<OidcPrincipal<?>> principalOf(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof OidcPrincipal<?> principal
                ? Optional.of(principal)
                : Optional.empty();
    }
}
