package dev.gongcrm.client;

import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
    private final String expectedSha256;

    /** @param expectedSha256 the SHA-256 (hex) the range must have, or null to send it unchecked */
    FileRangeBody(Path file, long offset, long length, String fileName, LongConsumer bytesSent, String expectedSha256) {
        super(ContentType.APPLICATION_OCTET_STREAM);
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.fileName = fileName;
        this.bytesSent = bytesSent;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    /**
     * Streams the range. With an expected SHA-256, the last buffer is held back until the digest of the
     * whole range is known: bytes other than those expected (the file was rewritten since) never all
     * reach the server, so it cannot take an upload of them.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        MessageDigest digest = expectedSha256 == null ? null : Sha256.digest();
        byte[] held = new byte[1 << 16];
        byte[] reading = new byte[1 << 16];
        int heldLength = 0;
        long sent = 0;
        long read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            while (read < length) {
                int count = in.read(reading, 0, (int) Math.min(reading.length, length - read));
                if (count < 0) {
                    throw new ContentChangedException(file + " is shorter than when the upload was planned; it changed");
                }
                if (digest != null) {
                    digest.update(reading, 0, count);
                }
                read += count;
                if (heldLength > 0) {
                    out.write(held, 0, heldLength);
                    sent += heldLength;
                    bytesSent.accept(sent);
                }
                byte[] swap = held;
                held = reading;
                reading = swap;
                heldLength = count;
            }
        }
        if (digest != null && !HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(expectedSha256)) {
            throw new ContentChangedException(file + " changed since it was validated: its bytes are not those checked, "
                    + "so the upload was stopped before its end and Gong did not take it");
        }
        out.write(held, 0, heldLength);
        bytesSent.accept(sent + heldLength);
    }

}
