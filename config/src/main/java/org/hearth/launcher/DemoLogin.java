package org.hearth.launcher;

import java.util.List;

/**
 * A demo user of the hearth realm, as {@code ./hearth run} prints it: username, full name, realm roles,
 * and the page they land on after signing in (a supervisor who also counsels lands on the supervisor's).
 */
public record DemoLogin(String username, String name, List<String> roles, String home) {

    /** Every demo user's password: a dev-only value of the demo realm. */
    public static final String PASSWORD = "hearth-demo";

    /** The demo users of {@code hearth-realm.json}, in the order printed; a unit test keeps the two in step. */
    public static final List<DemoLogin> ALL = List.of(
            new DemoLogin("frida", "Frida Moreno", List.of("front-desk"), "Today's schedule"),
            new DemoLogin("carlos", "Carlos Rivera", List.of("counselor"), "My caseload"),
            new DemoLogin("cora", "Cora Jensen", List.of("counselor"), "My caseload"),
            new DemoLogin("sam", "Sam Okafor", List.of("supervisor"), "Program overview"),
            new DemoLogin("sofia", "Sofia Marin", List.of("supervisor", "counselor"), "Program overview"),
            new DemoLogin("ada", "Ada Kowalski", List.of("admin"), "Administration"));

    public DemoLogin {
        roles = List.copyOf(roles);
    }
}
