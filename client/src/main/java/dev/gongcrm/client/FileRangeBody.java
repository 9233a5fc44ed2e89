package dev.gongcrm.client;

import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * The multipart {@code dataFile}: a byte range of a file (the whole file, or one part of a file over
 * Gong's size limit), streamed from disk without a copy, reporting the bytes written so far.
 */
final class FileRangeBody extends AbstractContentBody {

    private final Path file;
    private final long offset;
    private final long length;
    private final String fileName;
    private final LongConsumer bytesSent;

    FileRangeBody(Path file, long offset, long length, String fileName, LongConsumer bytesSent) {
        super(ContentType.APPLICATION_OCTET_STREAM);
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.fileName = fileName;
        this.bytesSent = bytesSent;
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            while (sent < length) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
                if (read < 0) {
                    throw new IOException(file + " is shorter than when the upload was planned; it changed");
                }
                out.write(buffer, 0, read);
                sent += read;
                bytesSent.accept(sent);
            }
        }
    }
}
