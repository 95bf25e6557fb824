package org.hearth.security;

import java.util.Arrays;
import java.util.List;

/** The Keycloak realm roles Hearth knows, by their realm names. */
public enum Role {
    FRONT_DESK(Role.Names.FRONT_DESK),
    COUNSELOR(Role.Names.COUNSELOR),
    SUPERVISOR(Role.Names.SUPERVISOR),
    ADMIN(Role.Names.ADMIN);

    /** The realm names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String FRONT_DESK = "front-desk";
        public static final String COUNSELOR = "counselor";
        public static final String SUPERVISOR = "supervisor";
        public static final String ADMIN = "admin";

        private Names() {}
    }

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    public static List<String> realmNames() {
        return Arrays.stream(values()).map(Role::realmName).toList();
    }
}
