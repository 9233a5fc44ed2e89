package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One step of an upload plan: a schema file, an entity file (or one part of a file over the size
 * limit), a user mapping file for {@code /map/users}, or the wait the seed asks for between accounts
 * and the types that refer to them.
 *
 * @param file the file as the user named it (null for a wait)
 * @param part 1-based part of the file; {@code parts} is how many it was split into
 * @param offset where the part starts in the file, in bytes
 * @param firstLine the file's line number of the part's first line (Gong numbers lines per upload)
 * @param objects the non-blank lines of the part
 * @param contentHash SHA-256 of the part's bytes, type and integration: what makes an upload the same one
 * @param bytesSha256 SHA-256 of the part's bytes alone, as validated: the upload stops if it reads others
 * @param clientRequestId the id derived from {@code contentHash} (a retried attempt adds a suffix)
 * @param settle for a wait, how long after the accounts are processed
 */
public record PlanStep(Kind kind, Path file, ObjectType type, int part, int parts, long offset, long bytes,
                       int firstLine, long objects, String contentHash, String bytesSha256,
                       String clientRequestId, Duration settle) {

    public enum Kind { SCHEMA, USER_MAPPING, OBJECTS, SETTLE }

    /**
     * The bytes a step sends: a range of its file, whose lines name their object in {@code idField}
     * ({@code objectId}; a user mapping's {@code crmUserId}, which Gong keys its BUSINESS_USER by),
     * and whose SHA-256 was {@code sha256} when they were validated and sent.
     */
    public record Content(Path file, long offset, long length, String idField, String sha256) {

        public InputStream open() throws IOException {
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(offset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new BoundedInputStream(in, length);
        }
    }

    public Content content() {
        return new Content(file, offset, bytes, kind == Kind.USER_MAPPING ? "crmUserId" : "objectId", bytesSha256);
    }

    /** The name of the file, without its folder: uploads of the same name replace each other's objects. */
    public String fileName() {
        return file.getFileName().toString();
    }

    /** How the step is shown: the file, with its part when it was split. */
    public String label() {
        if (kind == Kind.SETTLE) {
            return "wait " + settle.toSeconds() + "s for accounts to be processed";
        }
        return file + (kind == Kind.USER_MAPPING ? " (/map/users)" : "")
                + (parts > 1 ? " (part " + part + " of " + parts + ")" : "");
    }

    /** The id of the n-th attempt (1-based) at this content: a retry after FAILED or a forced re-send needs a new one. */
    public String clientRequestId(int attempt) {
        return attempt <= 1 ? clientRequestId : clientRequestId + "-" + attempt;
    }

    /** At most {@code left} bytes of the stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, left));
            left -= Math.max(read, 0);
            return read;
        }
    }
}
