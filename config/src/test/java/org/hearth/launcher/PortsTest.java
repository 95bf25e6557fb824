package org.hearth.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsNamedWithWhatNeedsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(Map.of(port, "WildFly HTTP")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + port + " (WildFly HTTP) is already in use");
        }
    }

    @Test
    void everyTakenPortIsNamedInOrder() throws Exception {
        try (ServerSocket first = new ServerSocket(0);
                ServerSocket second = new ServerSocket(0)) {
            Map<Integer, String> ports = new LinkedHashMap<>();
            ports.put(first.getLocalPort(), "Keycloak HTTP");
            ports.put(second.getLocalPort(), "WildFly management");

            assertThatThrownBy(() -> Ports.requireFree(ports))
                    .hasMessage("Port " + first.getLocalPort() + " (Keycloak HTTP) is already in use; Port "
                            + second.getLocalPort() + " (WildFly management) is already in use");
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThatCode(() -> Ports.requireFree(Map.of(port, "Keycloak HTTP"))).doesNotThrowAnyException();
    }
}
