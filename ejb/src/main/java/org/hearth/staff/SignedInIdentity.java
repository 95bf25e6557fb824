package org.hearth.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * What the identity provider's token says about the signed-in user: the stable subject, the
 * username, the name and email. Roles are not part of it: they come from the caller's security
 * identity, never from a value a client could make up.
 */
public record SignedInIdentity(
        @NotBlank @Size(max = 255) String subject,
        @NotBlank @Size(max = 255) String username,
        @Size(max = 255) String displayName,
        @Size(max = 255) String email)
        implements Serializable {}
