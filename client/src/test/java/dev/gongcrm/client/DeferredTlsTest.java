package dev.gongcrm.client;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLException;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * TLS set up ahead on its own thread (https) or when first wanted (http, where it never is): either way
 * a connection is upgraded with HttpClient's default TLS, here to a server that speaks none.
 */
class DeferredTlsTest {

    private static void upgradeToAPlainServer(DeferredTls tls) throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), plain.getLocalPort());
             Socket accepted = plain.accept()) {
            accepted.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
            assertThrows(SSLException.class, () -> tls.upgrade(socket, "localhost", plain.getLocalPort(), null, null));
        }
    }

    @Test
    void tlsSetUpAheadUpgradesTheConnection() throws Exception {
        upgradeToAPlainServer(new DeferredTls(true));
    }

    @Test
    void tlsNotSetUpAheadIsSetUpWhenFirstWanted() throws Exception {
        upgradeToAPlainServer(new DeferredTls(false));
    }
}
