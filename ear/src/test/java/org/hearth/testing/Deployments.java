package org.hearth.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real EAR this module built, as Arquillian deploys it. */
public final class Deployments {

    private Deployments() {}

    /** The EAR exactly as built, for tests that drive it from outside (HTTP, browser). */
    public static EnterpriseArchive hearth() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("hearth.ear")));
    }

    /** The EAR with the test classes added to its WAR, for tests that run inside the server. */
    public static EnterpriseArchive hearthWith(Class<?>... testClasses) {
        EnterpriseArchive ear = hearth();
        WebArchive war = ear.getAsType(WebArchive.class, "hearth-web.war");
        war.addClasses(testClasses);
        war.addClasses(HearthStack.class, RunAs.class, Sql.class, Sql.Connections.class);
        return ear;
    }
}
