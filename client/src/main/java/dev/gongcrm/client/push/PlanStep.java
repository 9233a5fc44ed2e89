package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * One step of an upload plan: a schema file, an entity file (or one part of a file over the size
 * limit), the objects of an entity file that changed since the last push, deletions of objects a full
 * export no longer has, a user mapping file for {@code /map/users}, or the wait the seed asks for
 * between accounts and the types that refer to them.
 *
 * @param file the user's file the step comes from, as the user named it (null for a wait; for
 *     deletions, the type's first file)
 * @param upload the file whose bytes are sent: {@code file} itself, or a file the push wrote of the
 *     changed objects or the deletions
 * @param part 1-based part of the upload; {@code parts} is how many it was split into
 * @param offset where the part starts in {@code upload}, in bytes
 * @param firstLine the line number in {@code file} of the part's first line, when the part is a range of it
 * @param lines for a part of changed objects, the line in {@code file} of each of its lines; null when
 *     the part is a range of {@code file} (Gong numbers lines per upload)
 * @param pending the {@link ObjectLine#fingerprint} of the id of each object of the part that Gong may
 *     already hold a version of (every object of a part of changed objects or deletions; of a part sent
 *     whole, those the ledger knows): the ledger holds them as pending from the moment the part is sent until
 *     Gong says what it did with it; null when there is none
 * @param objects the non-blank lines of the part
 * @param contentHash SHA-256 of the part's bytes, type and integration: what makes an upload the same one
 * @param bytesSha256 SHA-256 of the part's bytes alone, as validated: the upload stops if it reads others
 * @param clientRequestId the id derived from {@code contentHash} (a retried attempt adds a suffix)
 * @param settle for a wait, how long after the accounts are processed
 * @param tombstoneFields the fields the ledger keeps of each object, for a later deletion of it
 */
public record PlanStep(Kind kind, Path file, Path upload, Selection selection, ObjectType type, int part, int parts,
                       long offset, long bytes, int firstLine, int[] lines, long[] pending, long objects, String contentHash,
                       String bytesSha256, String clientRequestId, Duration settle, Set<String> tombstoneFields) {

    public enum Kind { SCHEMA, USER_MAPPING, OBJECTS, SETTLE }

    /** Which objects of the file an upload carries. */
    public enum Selection {
        /** all of them: a schema, a user mapping, a first push of the type, --full, or a STAGE file with a change */
        WHOLE,
        /** the new, changed and failed ones */
        CHANGED,
        /** none: deletions of the objects the file no longer has */
        DELETIONS
    }

    /** A wait between the accounts and the types that refer to them. */
    public static PlanStep settle(Duration settle) {
        return new PlanStep(Kind.SETTLE, null, null, Selection.WHOLE, null, 0, 0, 0, 0, 0, null, null, 0, null, null, null,
                settle, Set.of());
    }

    /**
     * The bytes a step sends: a range of its file, whose lines name their object in {@code idField}
     * ({@code objectId}; a user mapping's {@code crmUserId}, which Gong keys its BUSINESS_USER by),
     * whose SHA-256 was {@code sha256} when they were validated and sent, and whose objects' fields
     * {@code tombstoneFields} the ledger keeps.
     */
    public record Content(Path file, long offset, long length, String idField, String sha256,
                          Set<String> tombstoneFields) {

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
        return new Content(upload, offset, bytes, kind == Kind.USER_MAPPING ? "crmUserId" : "objectId", bytesSha256,
                tombstoneFields);
    }

    /** The line of {@code file} that is line {@code uploadLine} (1-based) of this part; 0 when there is none. */
    public int fileLine(int uploadLine) {
        if (uploadLine <= 0) {
            return 0;
        }
        if (lines == null) {
            return firstLine + uploadLine - 1;
        }
        return uploadLine <= lines.length ? lines[uploadLine - 1] : 0;
    }

    /** How the step is shown: the file, what of it is sent, and its part when it was split. */
    public String label() {
        return label(file == null ? "" : file.toString());
    }

    /** {@link #label()} with the file shown as {@code shownFile} (relative to a project, say). */
    public String label(String shownFile) {
        if (kind == Kind.SETTLE) {
            return "wait " + settle.toSeconds() + "s for accounts to be processed";
        }
        String what = switch (selection) {
            case WHOLE -> "";
            case CHANGED -> " (changed objects)";
            case DELETIONS -> " (deletions of objects it no longer has)";
        };
        return shownFile + (kind == Kind.USER_MAPPING ? " (/map/users)" : "") + what
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
