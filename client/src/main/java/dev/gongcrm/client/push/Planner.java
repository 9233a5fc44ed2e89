package dev.gongcrm.client.push;

import dev.gongcrm.client.Sha256;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Orders a bundle's files the way Gong needs them: schema files (sent whole), then user mapping files
 * for {@code /map/users} (sent whole, in the bundle's order), then STAGE, BUSINESS_USER and ACCOUNT,
 * the settle wait, then CONTACT, DEAL and LEAD ("Upload Accounts. Wait 60 seconds. Upload Contacts and
 * Deals."). Users are mapped before any object is uploaded because "Gong only processes a deal if this
 * user ID is mapped" and mapping "is essential for Gong to connect users with all their associated
 * objects"; a mapping sent after the deals makes Gong reprocess them from raw storage. An entity file
 * over the size limit is split at line boundaries into parts that keep its order; a mapping file is
 * not, as "each request to this API must include the complete list of users". Each step's
 * clientRequestId is derived from its content.
 */
public final class Planner {

    /** Gong's limit on one upload: "Maximum payload size: 200 megabytes". */
    public static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    static final List<ObjectType> UPLOAD_ORDER = List.of(ObjectType.STAGE, ObjectType.BUSINESS_USER,
            ObjectType.ACCOUNT, ObjectType.CONTACT, ObjectType.DEAL, ObjectType.LEAD);
    private static final List<ObjectType> SETTLED_TYPES = List.of(ObjectType.CONTACT, ObjectType.DEAL, ObjectType.LEAD);
    private static final int ID_HASH_CHARS = 24;

    private final long integrationId;
    private final long maxPartBytes;
    private final Duration settle;

    /**
     * @param maxPartBytes the largest upload (Gong's 200 MB; tests use less)
     * @param settle the wait between accounts and the types that refer to them
     */
    public Planner(long integrationId, long maxPartBytes, Duration settle) {
        if (maxPartBytes < 1 || maxPartBytes > MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("the upload size limit must be from 1 byte to Gong's 200 MB ("
                    + MAX_UPLOAD_BYTES + " bytes)");
        }
        this.integrationId = integrationId;
        this.maxPartBytes = maxPartBytes;
        this.settle = settle;
    }

    /** The steps for these files (each of a known type: the bundle passed validation). */
    public List<PlanStep> plan(List<BundleFile> files) {
        return plan(files, Map.of());
    }

    /**
     * The steps for these files, whose bytes must still be those validation read: {@code validated} has
     * the SHA-256 of each file as validated, by {@link BundleFile#name()}; a file whose bytes differ now
     * (it is being written, or was edited since) stops the push before anything is sent.
     */
    public List<PlanStep> plan(List<BundleFile> files, Map<String, String> validated) {
        List<PlanStep> steps = new ArrayList<>();
        files.stream().filter(f -> f.kind() == FileKind.SCHEMA)
                .sorted(Comparator.comparingInt(f -> UPLOAD_ORDER.indexOf(f.type())))
                .forEach(f -> steps.add(schemaStep(f, validated)));
        files.stream().filter(f -> f.kind() == FileKind.USER_MAPPING)
                .forEach(f -> steps.addAll(objectSteps(f, PlanStep.Kind.USER_MAPPING, validated)));
        List<BundleFile> entities = files.stream().filter(f -> f.kind() == FileKind.ENTITIES)
                .sorted(Comparator.comparingInt(f -> UPLOAD_ORDER.indexOf(f.type()))).toList();
        boolean accounts = false;
        boolean settled = false;
        for (BundleFile file : entities) {
            if (file.type() == ObjectType.ACCOUNT) {
                accounts = true;
            } else if (accounts && !settled && SETTLED_TYPES.contains(file.type())) {
                steps.add(new PlanStep(PlanStep.Kind.SETTLE, null, null, 0, 0, 0, 0, 0, 0, null, null, null, settle));
                settled = true;
            }
            steps.addAll(objectSteps(file, PlanStep.Kind.OBJECTS, validated));
        }
        return steps;
    }

    private PlanStep schemaStep(BundleFile file, Map<String, String> validated) {
        try {
            byte[] bytes = Files.readAllBytes(path(file));
            MessageDigest digest = Sha256.digest();
            digest.update(bytes);
            String bytesSha256 = hex(clone(digest));
            requireValidated(file, bytesSha256, validated);
            String hash = finish(digest, file.type(), "schema");
            return new PlanStep(PlanStep.Kind.SCHEMA, path(file), file.type(), 1, 1, 0, bytes.length, 1,
                    0, hash, bytesSha256, requestId(file.type(), "schema-", hash), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds where each part starts and ends, with its lines and objects, then hashes each part; a user
     * mapping file ({@code kind} USER_MAPPING) must fit in one part.
     */
    private List<PlanStep> objectSteps(BundleFile file, PlanStep.Kind kind, Map<String, String> validated) {
        List<long[]> parts = new ArrayList<>(); // offset, bytes, first line, objects
        Path path = path(file);
        // both reads must see the validated bytes: the first cuts the parts, the second hashes them
        MessageDigest cut = Sha256.digest();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            long position = 0;
            long partStart = 0;
            long lineStart = 0;
            int line = 1;
            int partFirstLine = 1;
            long objects = 0;
            boolean lineHasContent = false;
            int read;
            while ((read = in.read(buffer)) > 0) {
                cut.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b != '\n') {
                        lineHasContent |= b != ' ' && b != '\t' && b != '\r';
                        continue;
                    }
                    long lineEnd = position + i + 1;
                    if (lineEnd - lineStart > maxPartBytes) {
                        throw tooLong(file, line, lineEnd - lineStart);
                    }
                    if (lineEnd - partStart > maxPartBytes && lineStart > partStart) {
                        parts.add(new long[] {partStart, lineStart - partStart, partFirstLine, objects});
                        partStart = lineStart;
                        partFirstLine = line;
                        objects = 0;
                    }
                    objects += lineHasContent ? 1 : 0;
                    lineHasContent = false;
                    lineStart = lineEnd;
                    line++;
                }
                position += read;
            }
            if (position - lineStart > maxPartBytes) {
                throw tooLong(file, line, position - lineStart);
            }
            if (position - partStart > maxPartBytes && lineStart > partStart && lineStart < position) {
                parts.add(new long[] {partStart, lineStart - partStart, partFirstLine, objects});
                partStart = lineStart;
                partFirstLine = line;
                objects = 0;
            }
            objects += lineHasContent ? 1 : 0;
            if (position > partStart || parts.isEmpty()) {
                parts.add(new long[] {partStart, position - partStart, partFirstLine, objects});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
        requireValidated(file, hex(cut), validated);
        if (kind == PlanStep.Kind.USER_MAPPING && parts.size() > 1) {
            throw new PushException(file.name() + ": a user mapping file over the " + maxPartBytes + "-byte upload "
                    + "limit; it cannot be split, as each /map/users request must hold the complete list of users");
        }
        String endpoint = kind == PlanStep.Kind.USER_MAPPING ? "user-mapping" : "objects";
        String idKind = kind == PlanStep.Kind.USER_MAPPING ? "mapping-" : "";
        List<PlanStep> steps = new ArrayList<>();
        MessageDigest whole = Sha256.digest();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int i = 0; i < parts.size(); i++) {
                long[] part = parts.get(i);
                MessageDigest digest = Sha256.digest();
                long left = part[1];
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new IOException("the file changed while it was read");
                    }
                    digest.update(buffer, 0, read);
                    whole.update(buffer, 0, read);
                    left -= read;
                }
                if (part[3] == 0) {
                    continue; // blank lines only: nothing for Gong
                }
                String bytesSha256 = hex(clone(digest));
                String hash = finish(digest, file.type(), endpoint);
                steps.add(new PlanStep(kind, path, file.type(), i + 1, parts.size(), part[0], part[1], (int) part[2],
                        part[3], hash, bytesSha256, requestId(file.type(), idKind, hash), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
        requireValidated(file, hex(whole), validated);
        return steps;
    }

    private PushException tooLong(BundleFile file, int line, long bytes) {
        return new PushException(file.name() + ":" + line + ": this line alone is " + bytes + " bytes, over the "
                + maxPartBytes + "-byte upload limit; Gong cannot take it in any upload");
    }

    private static Path path(BundleFile file) {
        return Path.of(file.name());
    }

    private static void requireValidated(BundleFile file, String sha256, Map<String, String> validated) {
        String expected = validated.get(file.name());
        if (expected != null && !expected.equals(sha256)) {
            throw changedSinceValidated(file);
        }
    }

    private static PushException changedSinceValidated(BundleFile file) {
        return new PushException(file.name() + " changed after it was validated (is something still writing it?); "
                + "nothing was sent: push again once it is complete, and it is validated again");
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The content, then what makes the same bytes another upload: the type, the endpoint and the integration. */
    private String finish(MessageDigest digest, ObjectType type, String kind) {
        digest.update(("\n" + type.name() + "\n" + kind + "\n" + integrationId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String requestId(ObjectType type, String kind, String hash) {
        return "gongcrm-" + type.name().toLowerCase().replace('_', '-') + "-" + kind + hash.substring(0, ID_HASH_CHARS);
    }

}
