package dev.gongcrm.client;

import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.core5.http.ContentType;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** The multipart {@code dataFile}, streamed from disk, reporting the bytes written so far (for a progress bar). */
final class CountingFileBody extends FileBody {

    private final LongConsumer bytesSent;

    CountingFileBody(Path file, LongConsumer bytesSent) {
        super(file.toFile(), ContentType.APPLICATION_OCTET_STREAM, file.getFileName().toString());
        this.bytesSent = bytesSent;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        super.writeTo(new FilterOutputStream(out) {
            private long sent;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                sent += length;
                bytesSent.accept(sent);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytesSent.accept(++sent);
            }
        });
    }
}
