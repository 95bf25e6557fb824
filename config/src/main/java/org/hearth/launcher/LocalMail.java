package org.hearth.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The local SMTP server (GreenMail, SMTP only) that Hearth's mail goes to in {@code ./hearth run} and in the tests:
 * it accepts every message for any address and keeps it in memory. When given a folder, it also saves each message
 * received there as {@code <n>.eml} (numbered on from those already there), to read with any mail program.
 *
 * <p>A test may stop it for a while, as a mail server outage would, and start it again on the same port: what it
 * received before is kept.
 */
public final class LocalMail implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalMail.class.getName());

    private final int port;
    private final Optional<Path> saveTo;
    private final List<byte[]> keptFromBefore = new ArrayList<>();
    private GreenMail server;
    private int saved;
    private int nextNumber;
    private ScheduledExecutorService saver;

    private LocalMail(int port, Optional<Path> saveTo) {
        this.port = port;
        this.saveTo = saveTo;
    }

    /** Starts an SMTP server on {@code port} of this host, saving what it receives in {@code saveTo} when given. */
    public static LocalMail start(int port, Optional<Path> saveTo) {
        LocalMail mail = new LocalMail(port, saveTo);
        if (saveTo.isPresent()) {
            try {
                Files.createDirectories(saveTo.get());
                try (Stream<Path> files = Files.list(saveTo.get())) {
                    mail.nextNumber = files.map(file -> file.getFileName().toString())
                                    .filter(name -> name.matches("\\d+\\.eml"))
                                    .mapToInt(name -> Integer.parseInt(name.substring(0, name.length() - 4)))
                                    .max()
                                    .orElse(0)
                            + 1;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot save mail in " + saveTo.get() + ": " + e.getMessage(), e);
            }
        }
        mail.startServer();
        if (saveTo.isPresent()) {
            mail.saver = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "hearth-mail-saver");
                thread.setDaemon(true);
                return thread;
            });
            mail.saver.scheduleWithFixedDelay(mail::saveNew, 1, 1, TimeUnit.SECONDS);
        }
        return mail;
    }

    public int port() {
        return port;
    }

    /** Every message received since the start, as sent (RFC 822 bytes), oldest first; kept across a stop. */
    public synchronized List<byte[]> received() {
        List<byte[]> all = new ArrayList<>(keptFromBefore);
        if (server != null) {
            for (MimeMessage message : server.getReceivedMessages()) {
                all.add(bytes(message));
            }
        }
        return all;
    }

    /**
     * Stops accepting connections, as a mail server outage would, keeping what was received; the test must
     * {@link #startAgain()} in a {@code finally}.
     */
    public synchronized void stopForAWhile() {
        if (server == null) {
            return;
        }
        saveNew();
        keptFromBefore.addAll(received());
        saved = 0;
        server.stop();
        server = null;
    }

    /** Starts the server stopped by {@link #stopForAWhile()} again, on the same port. */
    public synchronized void startAgain() {
        if (server == null) {
            startServer();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    private void startServer() {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        GreenMail started = new GreenMail(setup);
        started.start();
        server = started;
    }

    /** Saves the messages received since the last save, each in its own file. */
    private synchronized void saveNew() {
        if (saveTo.isEmpty() || server == null) {
            return;
        }
        MimeMessage[] messages = server.getReceivedMessages();
        for (int i = saved; i < messages.length; i++) {
            Path file = saveTo.get().resolve(nextNumber + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                messages[i].writeTo(out);
            } catch (IOException | MessagingException e) {
                LOG.log(Level.WARNING, "A message received could not be saved in " + file + ": " + e.getMessage());
            }
            nextNumber++;
        }
        saved = messages.length;
    }

    private static byte[] bytes(MimeMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("a received message cannot be read: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public synchronized void close() {
        if (saver != null) {
            saver.shutdownNow();
        }
        saveNew();
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
