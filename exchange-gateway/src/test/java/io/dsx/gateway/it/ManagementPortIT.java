package io.dsx.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics have their own port, bound to loopback: the API port serves neither, and metrics
 * (which name datasets and traffic) stay operator-only there too.
 */
class ManagementPortIT extends GatewayIT {

    private HttpResponse<String> management(String path, String bearer) throws IOException, InterruptedException {
        return get("http://127.0.0.1:" + managementPort, path, bearer);
    }

    @Test
    void healthAnswersOnTheManagementPortWithoutAToken() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(management("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiPortServesNeitherHealthNorMetrics() throws Exception {
        String operator = stack().tokens().forUser("operator");
        assertThat(get("/actuator/health", operator).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus", operator).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAreForOperatorsOnly() throws Exception {
        HttpResponse<String> anonymous = management("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(management("/actuator/prometheus", stack().tokens().forUser("researcher"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> operator =
                management("/actuator/prometheus", stack().tokens().forUser("operator"));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> !isLoopback(i))
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        try (Socket socket = new Socket()) {
            boolean connected;
            try {
                socket.connect(new InetSocketAddress(external.get(), managementPort), 2000);
                connected = true;
            } catch (IOException refused) {
                connected = false;
            }
            assertThat(connected)
                    .as("management port reachable at " + external.get())
                    .isFalse();
        }
    }

    private static boolean isLoopback(NetworkInterface i) {
        try {
            return i.isLoopback() || !i.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
