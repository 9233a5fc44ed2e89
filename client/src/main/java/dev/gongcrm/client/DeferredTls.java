package dev.gongcrm.client;

import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.net.ssl.SSLSocket;

/**
 * HttpClient's default TLS, set up off the caller's path: a cold JVM takes a fifth of a second to load
 * the trust store, which a client of an https URL sets up on a thread of its own as it is made (the first
 * call finds it ready, or waits for the rest), and a client of an http URL (the emulator, a local proxy)
 * never sets up at all.
 */
final class DeferredTls implements TlsSocketStrategy {

    private final FutureTask<TlsSocketStrategy> tls = new FutureTask<>(DefaultClientTlsStrategy::createDefault);

    DeferredTls(boolean https) {
        if (https) {
            Thread setUp = new Thread(tls, "gongcrm-tls-set-up");
            setUp.setDaemon(true);
            setUp.start();
        }
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        tls.run(); // sets TLS up here when no thread has; else returns at once, and get waits for that thread
        TlsSocketStrategy ready;
        try {
            ready = tls.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while setting up TLS");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IOException("cannot set up TLS: " + e.getCause().getMessage(), e.getCause());
        }
        return ready.upgrade(socket, target, port, attachment, context);
    }
}
