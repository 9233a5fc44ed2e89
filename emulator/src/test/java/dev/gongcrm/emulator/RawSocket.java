package dev.gongcrm.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes on a socket, for requests no HTTP library would send: a wrong Content-Length, a body cut
 * short, chunked bodies of any size. Answers are read as HTTP/1.1 with {@code Connection: close}.
 */
final class RawSocket {

    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("gongcrm:gongcrm".getBytes());

    /** An answer: the status and the body as text. */
    record Answer(int status, String body) {
    }

    private RawSocket() {
    }

    /** Sends the head (request line and headers, without the blank line) and the body as they are. */
    static Answer send(Emulator emulator, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nAuthorization: " + AUTH + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedEarly) {
                // the server may answer (413) and close before the whole body went out
            }
            return read(socket.getInputStream());
        }
    }

    /** A POST with a fixed Content-Length. */
    static Answer post(Emulator emulator, String pathAndQuery, String contentType, byte[] body) throws IOException {
        return send(emulator, "POST " + pathAndQuery + " HTTP/1.1\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length, body);
    }

    /** A chunked POST of {@code prefix}, then {@code fill} bytes of 'x', then {@code suffix}, in 64 KiB chunks. */
    static Answer postChunked(Emulator emulator, String pathAndQuery, String contentType, byte[] prefix, long fill,
                              byte[] suffix) throws IOException {
        return postChunked(emulator, "POST", pathAndQuery, contentType, prefix, fill, suffix);
    }

    /** {@link #postChunked(Emulator, String, String, byte[], long, byte[])} with another method. */
    static Answer postChunked(Emulator emulator, String method, String pathAndQuery, String contentType, byte[] prefix,
                              long fill, byte[] suffix) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + pathAndQuery + " HTTP/1.1\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nAuthorization: " + AUTH
                    + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                chunk(out, prefix, prefix.length);
                byte[] xs = new byte[64 * 1024];
                java.util.Arrays.fill(xs, (byte) 'x');
                for (long left = fill; left > 0; left -= xs.length) {
                    chunk(out, xs, (int) Math.min(xs.length, left));
                }
                chunk(out, suffix, suffix.length);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered (413) and closed before the whole body went out
            }
            return read(socket.getInputStream());
        }
    }

    private static void chunk(OutputStream out, byte[] bytes, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException reset) {
            // a reset after the answer: what was read is the answer
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(0, text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        String head = text.substring(0, bodyStart).toLowerCase();
        String body = text.substring(bodyStart + 4);
        if (head.contains("transfer-encoding: chunked")) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Answer(status, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
