package org.hearth.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
        war.addClasses(HearthStack.class, RunAs.class, Sql.class, Sql.Connections.class, TestData.class);
        // AssertJ for the tests that run inside the server, from the jar the test run itself uses
        war.addAsLibrary(jarOf(Assertions.class));
        war.setWebXML(new StringAsset(
                withPublicTestRunner(read(war.get("WEB-INF/web.xml").getAsset()))));
        return ear;
    }

    /**
     * The EAR with {@link StatementCounter} in its WAR, open without signing in, for tests that count the SQL
     * statements a page runs. The application's own constraints stay as they are.
     */
    public static EnterpriseArchive hearthCountingStatements() {
        EnterpriseArchive ear = hearth();
        WebArchive war = ear.getAsType(WebArchive.class, "hearth-web.war");
        war.addClass(StatementCounter.class);
        war.setWebXML(new StringAsset(open(read(war.get("WEB-INF/web.xml").getAsset()), "/test/statements")));
        return ear;
    }

    /**
     * Arquillian calls its test runner servlet without signing in: let it through, in the test deployment
     * only. The application's own constraints stay as they are.
     */
    private static String withPublicTestRunner(String webXml) {
        return open(webXml, "/ArquillianServletRunnerEE9", "/ArquillianServletRunner");
    }

    /** Puts a constraint without roles on these paths before the application's first one. */
    private static String open(String webXml, String... paths) {
        StringBuilder runner = new StringBuilder("  <security-constraint>\n    <web-resource-collection>\n"
                + "      <web-resource-name>test</web-resource-name>\n");
        for (String path : paths) {
            runner.append("      <url-pattern>").append(path).append("</url-pattern>\n");
        }
        runner.append("    </web-resource-collection>\n  </security-constraint>\n");
        int firstConstraint = webXml.indexOf("<security-constraint>");
        if (firstConstraint < 0) {
            throw new IllegalStateException("web.xml has no security constraints: nothing to open for the test");
        }
        return webXml.substring(0, firstConstraint) + runner + webXml.substring(firstConstraint);
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Asset asset) {
        try (InputStream in = asset.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
