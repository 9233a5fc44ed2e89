package dev.gongcrm.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP server on loopback that misbehaves on purpose, below what a real server framework lets a
 * handler do: it answers headers and then nothing, drips its answer a byte a second, never reads an
 * upload's body, or closes the connection in the middle of one. Which request gets what is decided
 * from its request line ({@code "GET /v2/crm/request-status?..."}).
 */
public final class MisbehavingServer implements AutoCloseable {

    /** What the server does with a request. */
    public sealed interface Behaviour {
    }

    /** A complete answer. */
    public record Answer(int status, String json) implements Behaviour {
    }

    /** Reads the request, sends the status line and headers of a 1000-byte answer, then nothing. */
    public record HeadersThenNothing() implements Behaviour {
    }

    /** Reads the request, then sends the answer one byte a second. */
    public record Drip() implements Behaviour {
    }

    /** Reads the request's headers and never its body: the client's upload blocks once the buffers are full. */
    public record NeverReadsBody() implements Behaviour {
    }

    /** Reads the headers and a little of the body, then closes the connection. */
    public record ClosesMidBody() implements Behaviour {
    }

    private final ServerSocket server;
    private final Function<String, Behaviour> behaviour;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public MisbehavingServer(Function<String, Behaviour> behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The request lines received, in order. */
    public List<String> requests() {
        return requests;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread handler = new Thread(() -> serve(socket), "misbehaving-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.substring(0, head.indexOf('\r'));
                requests.add(requestLine);
                Behaviour what = behaviour.apply(requestLine);
                if (what instanceof NeverReadsBody) {
                    while (!server.isClosed()) {
                        Thread.sleep(50);
                    }
                    return;
                }
                if (what instanceof ClosesMidBody) {
                    in.readNBytes((int) Math.min(4096, contentLength(head)));
                    return;
                }
                readBody(in, head);
                if (what instanceof Answer answer) {
                    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 " + answer.status() + " X\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    continue;
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (what instanceof Drip) {
                    for (int i = 0; i < 1000; i++) {
                        Thread.sleep(1000);
                        out.write(' ');
                        out.flush();
                    }
                }
                waitForClose(in);
                return;
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up, which is what these tests want it to do
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static void readBody(InputStream in, String head) throws IOException {
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            while (true) {
                StringBuilder size = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    size.append((char) b);
                }
                long length = Long.parseLong(size.toString().trim().split(";")[0], 16);
                in.skipNBytes(length + 2);
                if (length == 0) {
                    return;
                }
            }
        }
        in.skipNBytes(contentLength(head));
    }

    /** Blocks until the client closes the connection (or the server is closed). */
    private static void waitForClose(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // nothing the client sends now is read as a request
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
