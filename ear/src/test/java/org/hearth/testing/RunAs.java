package org.hearth.testing;

import java.security.PrivilegedAction;
import java.util.Set;
import java.util.function.Supplier;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/** Runs code inside the server as a given user with given realm roles, without Keycloak. */
public final class RunAs {

    private RunAs() {}

    public static <T> T user(String username, Set<String> roles, Supplier<T> action) {
        return user(SecurityDomain.getCurrent(), username, roles, action);
    }

    /** As {@link #user(String, Set, Supplier)}, in a domain captured earlier: for threads a test starts itself. */
    public static <T> T user(SecurityDomain domain, String username, Set<String> roles, Supplier<T> action) {
        return domain.createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(roles)))
                .runAs((PrivilegedAction<T>) action::get);
    }
}
