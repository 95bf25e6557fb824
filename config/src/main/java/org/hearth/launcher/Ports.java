package org.hearth.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks that the ports the stack needs are free, before anything starts. */
public final class Ports {

    private Ports() {}

    /**
     * Throws, naming every taken port and what needs it, e.g. "Port 8080 (WildFly HTTP) is already in
     * use"; several are joined with "; ".
     */
    public static void requireFree(Map<Integer, String> portsAndPurpose) {
        List<String> taken = taken(portsAndPurpose);
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join("; ", taken));
        }
    }

    /** One sentence per taken port, in the map's order; empty when all are free. */
    static List<String> taken(Map<Integer, String> portsAndPurpose) {
        List<String> taken = new ArrayList<>();
        portsAndPurpose.forEach((port, purpose) -> {
            if (!isFree(port)) {
                taken.add("Port " + port + " (" + purpose + ") is already in use");
            }
        });
        return taken;
    }

    /**
     * Free when nothing answers on localhost and the port can be bound on every address (the servers
     * bind some to localhost, some to all addresses).
     */
    static boolean isFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return false;
        } catch (IOException nothingListens) {
            // expected when the port is free
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
