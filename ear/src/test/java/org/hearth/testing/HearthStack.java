package org.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.launcher.EmbeddedDatabase;
import org.hearth.launcher.KeycloakServer;
import org.hearth.launcher.LocalMail;
import org.hearth.launcher.Ports;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts what the server needs, once for the whole test run: an embedded PostgreSQL on a free port with
 * an empty database, Keycloak with the hearth realm, and the SMTP server the server's mail goes to (GreenMail on
 * 3025, read through {@link Mailbox}). List it before {@code ArquillianExtension} so
 * the database URL is known when Arquillian starts WildFly. Inside the server it does nothing.
 */
public class HearthStack implements BeforeAllCallback {

    /** The port of the test SMTP server: the server's default (hearth.cli), so arquillian.xml need not say it. */
    static final int SMTP_PORT = 3025;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HearthStack.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (insideServer()) {
            return;
        }
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> Running.start(), Running.class);
    }

    static boolean insideServer() {
        return System.getProperty("jboss.server.base.dir") != null;
    }

    /** The JDBC URL of the test database, for tests that check what the server wrote. */
    public static String jdbcUrl() {
        return System.getProperty("hearth.db.url");
    }

    /** The realm's base URL, for tests that ask Keycloak for tokens. */
    public static String realmUrl() {
        return System.getProperty("hearth.realm.url");
    }

    /** The application's base URL, ending with a slash. */
    public static String appUrl() {
        return "http://localhost:8080/hearth/";
    }

    /**
     * Stops the test database as an outage would (connections cut), keeping its data and port; the test must
     * {@link #startDatabaseAgain()} in a {@code finally}, so the tests after it find the stack as it was.
     */
    public static void stopDatabaseForAWhile() {
        running().database.stopForAWhile();
    }

    /** Starts the database stopped by {@link #stopDatabaseForAWhile()} again. */
    public static void startDatabaseAgain() {
        running().database.startAgain();
    }

    /**
     * Stops the test Keycloak as an outage would, keeping its realm, users and keys; the test must
     * {@link #startKeycloakAgain()} in a {@code finally}.
     */
    public static void stopKeycloakForAWhile() {
        running().keycloak.stopForAWhile();
    }

    /** Starts the Keycloak stopped by {@link #stopKeycloakForAWhile()} again, with the same realm. */
    public static void startKeycloakAgain() {
        running().keycloak.startAgain();
    }

    /** The test SMTP server, for {@link Mailbox}. */
    static LocalMail mail() {
        return running().mail;
    }

    private static Running running() {
        Running running = Running.current;
        if (running == null) {
            throw new IllegalStateException("the test stack is not running in this JVM");
        }
        return running;
    }

    static final class Running implements ExtensionContext.Store.CloseableResource {

        /** The stack of this test run, for the fault tests that stop a piece of it for a while. */
        private static volatile Running current;

        private final EmbeddedDatabase database;
        private final KeycloakServer keycloak;
        private final LocalMail mail;

        private Running(EmbeddedDatabase database, KeycloakServer keycloak, LocalMail mail) {
            this.database = database;
            this.keycloak = keycloak;
            this.mail = mail;
        }

        static Running start() {
            Map<Integer, String> ports = new LinkedHashMap<>();
            ports.put(8080, "WildFly HTTP");
            ports.put(9990, "WildFly management");
            ports.put(8180, "Keycloak HTTP");
            ports.put(9000, "Keycloak management");
            ports.put(SMTP_PORT, "SMTP (test mail)");
            try {
                Ports.requireFree(ports);
            } catch (IllegalStateException taken) {
                throw new IllegalStateException(
                        taken.getMessage() + " (is `./hearth run` still running? The tests need these ports.)", taken);
            }
            Path work = Path.of(System.getProperty("hearth.test.work", "target/it-work"));
            EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), 0, true);
            try {
                // the server anchors the new database's chain here (arquillian.xml): no anchor of an older one
                Files.deleteIfExists(work.resolve("audit-anchor"));
            } catch (IOException e) {
                database.close();
                throw new UncheckedIOException(e);
            }
            System.setProperty("hearth.db.url", database.jdbcUrl());
            KeycloakServer keycloak;
            try {
                keycloak = KeycloakServer.start(
                        Path.of(System.getProperty("hearth.keycloak.home")),
                        Path.of(System.getProperty("hearth.realm.file")),
                        work.resolve("keycloak.log"),
                        8180,
                        9000);
            } catch (RuntimeException failed) {
                database.close();
                throw failed;
            }
            System.setProperty("hearth.realm.url", keycloak.realmUrl());
            LocalMail mail;
            try {
                mail = LocalMail.start(SMTP_PORT, Optional.empty());
            } catch (RuntimeException failed) {
                keycloak.close();
                database.close();
                throw failed;
            }
            current = new Running(database, keycloak, mail);
            return current;
        }

        @Override
        public void close() {
            try {
                mail.close();
                keycloak.close();
            } finally {
                database.close();
            }
        }
    }
}
