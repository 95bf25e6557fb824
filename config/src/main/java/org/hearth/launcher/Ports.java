package org.hearth.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks that the ports the stack needs are free, before anything starts. */
public final class Ports {

    private Ports() {}

    /** Throws, naming every taken port and what needs it, e.g. "Port 8080 (WildFly HTTP) is already in use". */
    public static void requireFree(Map<Integer, String> portsAndPurpose) {
        List<String> taken = new ArrayList<>();
        portsAndPurpose.forEach((port, purpose) -> {
            if (!isFree(port)) {
                taken.add("Port " + port + " (" + purpose + ") is already in use");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join("; ", taken));
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
