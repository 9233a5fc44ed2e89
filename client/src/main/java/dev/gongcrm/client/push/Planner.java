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
import java.util.Set;

/**
 * Orders a bundle's files the way Gong needs them: schema files (sent whole), then user mapping files
 * for {@code /map/users} (sent whole, in the bundle's order), then STAGE, BUSINESS_USER and ACCOUNT,
 * the settle wait, then CONTACT, DEAL and LEAD ("Upload Accounts. Wait 60 seconds. Upload Contacts and
 * Deals."). Users are mapped before any object is uploaded because "Gong only processes a deal if this
 * user ID is mapped" and mapping "is essential for Gong to connect users with all their associated
 * objects"; a mapping sent after the deals makes Gong reprocess them from raw storage.
 *
 * <p>Of an entity file, only the objects the ledger does not have as stored with this very value are
 * sent ({@link Sync}): new, changed, and those Gong failed or may not have taken. They are copied, in
 * the file's order, from the read whose bytes are checked against what validation read, into a file
 * of their own; a file whose every object is to be sent is sent itself. What goes in one upload is
 * split at line boundaries into parts under the size limit; a mapping file is not, as "each request
 * to this API must include the complete list of users". Each step's clientRequestId is derived from
 * its content.
 */
public final class Planner {

    /** Gong's limit on one upload: "Maximum payload size: 200 megabytes". */
    public static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    private static final List<ObjectType> SETTLED_TYPES = List.of(ObjectType.CONTACT, ObjectType.DEAL, ObjectType.LEAD);
    private static final int ID_HASH_CHARS = 24;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

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

    /** The steps for these files (each of a known type: the bundle passed validation), every object sent. */
    public List<PlanStep> plan(List<BundleFile> files) {
        return plan(files, Map.of());
    }

    /**
     * The steps for these files, every object sent, whose bytes must still be those validation read
     * ({@code validated}: see below). Such a plan writes no file of its own.
     */
    public List<PlanStep> plan(List<BundleFile> files, Map<String, String> validated) {
        return plan(files, validated, scans(Sync.everything())).steps();
    }

    /**
     * The scans that decide, object by object, what of each entity file is sent ({@code sync}): fed the
     * bytes validation reads ({@link Scans#tap}), so that what is copied is what was validated, and no
     * file is read twice; a file no one fed is read by {@link #plan}.
     */
    Scans scans(Sync sync) {
        return scans(sync, sync.ledger() == null ? null : sync.ledger().objectIndexes(integrationId, List.of()));
    }

    /** {@link #scans(Sync)}, with the ledger's indexes read as {@code indexes} reads them (null: no ledger). */
    Scans scans(Sync sync, ObjectIndexes indexes) {
        return new Scans(sync, indexes);
    }

    /**
     * The steps for these files, whose bytes must still be those validation read: {@code validated} has
     * the SHA-256 of each file as validated, by {@link BundleFile#name()}; a file whose bytes differ now
     * (it is being written, or was edited since) stops the push before anything is sent. What of each
     * entity file is sent is its scan's to say. The plan owns the scans' files.
     */
    Plan plan(List<BundleFile> files, Map<String, String> validated, Scans scans) {
        Plan plan = scans.plan;
        try {
            files.stream().filter(f -> f.kind() == FileKind.SCHEMA)
                    .sorted(Comparator.comparingInt(f -> ObjectType.UPLOAD_ORDER.indexOf(f.type())))
                    .forEach(f -> plan.steps.add(schemaStep(f, validated)));
            files.stream().filter(f -> f.kind() == FileKind.USER_MAPPING)
                    .forEach(f -> plan.steps.addAll(mappingSteps(f, validated)));
            boolean accounts = false;
            boolean settled = false;
            for (ObjectType type : ObjectType.UPLOAD_ORDER) {
                List<BundleFile> ofType = files.stream()
                        .filter(f -> f.kind() == FileKind.ENTITIES && f.type() == type).toList();
                if (ofType.isEmpty()) {
                    continue;
                }
                List<PlanStep> steps = typeSteps(type, ofType, validated, scans);
                if (!steps.isEmpty() && accounts && !settled && SETTLED_TYPES.contains(type)) {
                    plan.steps.add(PlanStep.settle(settle));
                    settled = true;
                }
                accounts |= type == ObjectType.ACCOUNT && !steps.isEmpty();
                plan.steps.addAll(steps);
            }
            return plan;
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
    }

    private PlanStep schemaStep(BundleFile file, Map<String, String> validated) {
        try {
            byte[] bytes = Files.readAllBytes(path(file));
            MessageDigest digest = Sha256.digest();
            digest.update(bytes);
            String bytesSha256 = hex(clone(digest));
            requireValidated(file, bytesSha256, validated);
            String hash = contentHash(digest, file.type(), "schema");
            return new PlanStep(PlanStep.Kind.SCHEMA, path(file), path(file), PlanStep.Selection.WHOLE, file.type(),
                    1, 1, 0, bytes.length, 1, null, null, 1, hash, bytesSha256, requestId(file.type(), "schema-", hash), null,
                    Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
    }

    /** A user mapping file, sent whole: "each request to this API must include the complete list of users". */
    private List<PlanStep> mappingSteps(BundleFile file, Map<String, String> validated) {
        Parts parts = new Parts(PlanStep.Kind.USER_MAPPING, path(file), file.type(), "user-mapping", "mapping-",
                Set.of());
        MessageDigest whole = Sha256.digest();
        read(file, (bytes, from, to, line) -> {
            whole.update(bytes, from, to - from);
            parts.add(bytes, from, to, line, Lines.hasContent(bytes, from, to));
        });
        requireValidated(file, hex(whole), validated);
        List<PlanStep> steps = parts.steps(PlanStep.Selection.WHOLE);
        if (steps.size() > 1) {
            throw new PushException(file.name() + ": a user mapping file over the " + maxPartBytes + "-byte upload "
                    + "limit; it cannot be split, as each /map/users request must hold the complete list of users");
        }
        return steps;
    }

    /**
     * The uploads of one type's entity files: per file, its changed objects (or the file itself), then
     * the deletions of the objects Gong holds that no file of the type has, when asked.
     */
    private List<PlanStep> typeSteps(ObjectType type, List<BundleFile> files, Map<String, String> validated,
                                     Scans scans) {
        Scans.TypeScan typeScan = scans.type(type);
        List<PlanStep> steps = new ArrayList<>();
        for (BundleFile file : files) {
            FileScan scan = scans.completed(file);
            if (scan == null) {
                scan = scanNow(file, validated, scans);
            }
            steps.addAll(fileSteps(file, scan, validated, scans));
        }
        TypeCounts.Tally tally = typeScan.tally;
        tally.missing = typeScan.index.missing();
        if (tally.missing > 0 && scans.sync.deletesMissing(type)) {
            steps.addAll(deletions(type, files.get(0), typeScan, scans));
        }
        steps.forEach(step -> {
            tally.bytes += step.bytes();
            tally.uploads++;
        });
        scans.plan.counts.put(type, tally.counts(type));
        return steps;
    }

    /** Scans a file no one fed to its scan: the bytes read must be those validated. */
    private FileScan scanNow(BundleFile file, Map<String, String> validated, Scans scans) {
        FileScan scan = scans.open(file);
        MessageDigest digest = Sha256.digest();
        try (InputStream in = Files.newInputStream(path(file))) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                scan.accept(buffer, 0, read);
            }
            scan.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
        requireValidated(file, hex(digest), validated);
        return scan;
    }

    /**
     * The copy of the objects to send, when the scan made one (the ledger knows objects of the type: even
     * when every object changed, the copy is of the bytes validated); else the file itself, in parts (a
     * first push of the type, --full, a STAGE file with a change), read again for its parts' hashes, which
     * must still be what was validated; else nothing.
     */
    private List<PlanStep> fileSteps(BundleFile file, FileScan scan, Map<String, String> validated, Scans scans) {
        scan.throwFailure();
        if (scan.toSend() == 0 && !scans.sync.full()) {
            return List.of();
        }
        if (scan.copy() != null) {
            return scan.copy().steps(PlanStep.Selection.CHANGED);
        }
        if (scans.sync.full()) {
            scan.typeScan().tally.resent += scan.objects() - scan.toSend();
        }
        scans.plan.sentWhole.add(path(file));
        Parts whole = new Parts(PlanStep.Kind.OBJECTS, path(file), file.type(), "objects", "",
                scan.typeScan().tombstoneFields);
        // objects Gong already has a version of are pending while the file is sent (a STAGE file, --full)
        boolean known = !scan.typeScan().index.isEmpty();
        MessageDigest digest = Sha256.digest();
        read(file, (bytes, from, to, line) -> {
            digest.update(bytes, from, to - from);
            boolean content = Lines.hasContent(bytes, from, to);
            whole.add(bytes, from, to, line, content);
            if (known && content) {
                ObjectLine object = ObjectLine.read(bytes, from, to, "objectId", Set.of());
                if (object != null && object.hasId()) {
                    whole.identify(object.idFingerprint());
                }
            }
        });
        requireValidated(file, hex(digest), validated);
        return whole.steps(PlanStep.Selection.WHOLE);
    }

    /** The objects Gong holds that the type's files no longer have, each sent with isDeleted. */
    private List<PlanStep> deletions(ObjectType type, BundleFile first, Scans.TypeScan typeScan, Scans scans) {
        Parts deletions = new Parts(PlanStep.Kind.OBJECTS, path(first), type, "objects", "", typeScan.tombstoneFields);
        String modified = jsonString(scans.sync.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        scans.sync.ledger().forEachMissing(integrationId, type, typeScan.index, (objectId, tombstone) -> {
            if (tombstone == null && !typeScan.tombstoneFields.isEmpty()) {
                typeScan.tally.undeletable++; // Gong would reject it, and it would be sent again, failing, every push
                return;
            }
            StringBuilder line = new StringBuilder("{\"objectId\":").append(jsonString(objectId));
            if (tombstone != null && tombstone.length() > 2) {
                line.append(',').append(tombstone, 1, tombstone.length() - 1);
            }
            line.append(",\"modifiedDate\":").append(modified).append(",\"isDeleted\":true}\n");
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            deletions.addCopy(scans.plan, bytes, 0, bytes.length, 0);
            deletions.identify(ObjectLine.fingerprint(objectId));
            typeScan.tally.deleted++;
            if (scans.sync.sink() != null) {
                ObjectLine object = ObjectLine.read(bytes, 0, bytes.length, "objectId", Set.of());
                scans.sync.sink().deleted(type, objectId, object.valueHash());
            }
        });
        return deletions.steps(PlanStep.Selection.DELETIONS);
    }

    /**
     * The scans of a push's entity files, per type (what the ledger knows of the type's objects, and
     * their counts) and per file, in the order they are read; they own the plan's files.
     */
    final class Scans {
        final Sync sync;
        final Plan plan = new Plan();
        private final ObjectIndexes indexes;
        private final Map<ObjectType, TypeScan> types = new java.util.EnumMap<>(ObjectType.class);
        private final Map<String, FileScan> files = new java.util.HashMap<>();

        Scans(Sync sync, ObjectIndexes indexes) {
            this.sync = sync;
            this.indexes = indexes;
        }

        /**
         * The scan to feed with the bytes of this file as they are read, or null for a file that is not
         * scanned (not an entity file, or one already scanned: its objects are decided once).
         */
        Lines.ByteSink tap(BundleFile file) {
            if (file.kind() != FileKind.ENTITIES || file.type() == null || files.containsKey(file.name())) {
                return null;
            }
            return open(file);
        }

        FileScan open(BundleFile file) {
            TypeScan typeScan = type(file.type());
            // a first push sends every object, so it needs no copy of them; --full and stages are sent whole
            boolean selective = !typeScan.index.isEmpty() && !sync.full() && file.type() != ObjectType.STAGE;
            FileScan scan = new FileScan(typeScan, sync.sink(), path(file), selective ? new Parts(PlanStep.Kind.OBJECTS,
                    path(file), file.type(), "objects", "", typeScan.tombstoneFields) : null, plan);
            files.put(file.name(), scan);
            return scan;
        }

        /** The scan of a file that was read to its end, or null. */
        FileScan completed(BundleFile file) {
            FileScan scan = files.get(file.name());
            return scan != null && scan.isComplete() ? scan : null;
        }

        TypeScan type(ObjectType type) {
            return types.computeIfAbsent(type, TypeScan::new);
        }

        /** What the ledger knows of one type's objects, shared by the type's files, and their counts. */
        final class TypeScan {
            final ObjectType type;
            final ObjectIndex index;
            final Set<String> tombstoneFields;
            final TypeCounts.Tally tally = new TypeCounts.Tally();

            TypeScan(ObjectType type) {
                this.type = type;
                this.index = indexes == null ? new ObjectIndex(0) : indexes.of(type);
                this.tombstoneFields = sync.tombstoneFields(type);
            }
        }
    }

    /**
     * The parts of one upload as its lines come: either ranges of the user's file ({@link #add}) or
     * lines copied into a file of the push's own ({@link #addCopy}), each part under the size limit
     * and hashed as it fills.
     */
    final class Parts {
        private final PlanStep.Kind kind;
        private final ObjectType type;
        private final String endpoint;
        private final String idKind;
        private final Set<String> tombstoneFields;
        private final List<Part> done = new ArrayList<>();
        private final Path source;
        private Path upload;
        private java.io.OutputStream copy;
        private long position;
        private Part current;

        /** @param source the user's file the lines come from, as messages name it */
        Parts(PlanStep.Kind kind, Path source, ObjectType type, String endpoint, String idKind,
              Set<String> tombstoneFields) {
            this.kind = kind;
            this.source = source;
            this.upload = source;
            this.type = type;
            this.endpoint = endpoint;
            this.idKind = idKind;
            this.tombstoneFields = tombstoneFields;
        }

        /** A line of the file itself, terminator included. */
        void add(byte[] bytes, int from, int to, int line, boolean content) {
            int length = to - from;
            if (length > maxPartBytes) {
                throw tooLong(source, line, length);
            }
            if (current == null || current.bytes > 0 && current.bytes + length > maxPartBytes) {
                startPart(line);
            }
            current.digest.update(bytes, from, to - from);
            current.bytes += length;
            current.objects += content ? 1 : 0;
            position += length;
        }

        /**
         * A line (with content) copied as it is, line end included: the copy of the objects from some line
         * on is then byte for byte the file from that line (but for blank lines), so a part of a file Gong
         * took before a push stopped is the same upload, under the same clientRequestId, when the next
         * push sends what is left of the file. Only a file's last line may have no line end, and it is
         * the copy's last too.
         */
        void addCopy(Plan plan, byte[] bytes, int from, int to, int line) {
            int length = to - from;
            if (length > maxPartBytes) {
                throw tooLong(source, line, length);
            }
            try {
                if (copy == null) {
                    upload = plan.scratchFile(type);
                    copy = new java.io.BufferedOutputStream(Files.newOutputStream(upload), 1 << 16);
                }
                if (current == null || current.bytes + length > maxPartBytes) {
                    startPart(line);
                }
                copy.write(bytes, from, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the changed objects to " + upload + ": "
                        + Ledger.describe(e), e);
            }
            current.digest.update(bytes, from, length);
            current.bytes += length;
            current.objects++;
            current.lines.add(line);
            position += length;
        }

        /** The object of the line just added has an id with this {@link ObjectLine#fingerprint}. */
        void identify(long idFingerprint) {
            current.pending.add(idFingerprint);
        }

        private void startPart(int line) {
            current = new Part(position, line, upload != source);
            done.add(current);
        }

        /** Ends the copy, if any: its file is complete, or not needed. */
        void finish() {
            if (copy != null) {
                try {
                    copy.close();
                    copy = null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the changed objects to " + upload + ": "
                            + Ledger.describe(e), e);
                }
            }
        }

        /** The steps of the parts that hold objects. */
        List<PlanStep> steps(PlanStep.Selection selection) {
            finish();
            List<PlanStep> steps = new ArrayList<>();
            for (int i = 0; i < done.size(); i++) {
                Part part = done.get(i);
                if (part.objects == 0) {
                    continue; // blank lines only: nothing for Gong
                }
                String bytesSha256 = hex(Planner.clone(part.digest));
                String hash = contentHash(part.digest, type, endpoint);
                steps.add(new PlanStep(kind, source, upload, selection, type, i + 1, done.size(), part.offset,
                        part.bytes, part.firstLine, part.lines == null ? null : part.lines.toArray(),
                        part.pending.size == 0 ? null : part.pending.toArray(), part.objects,
                        hash, bytesSha256, requestId(type, idKind, hash), null, tombstoneFields));
            }
            return steps;
        }
    }

    private static final class Part {
        final long offset;
        final int firstLine;
        final MessageDigest digest = Sha256.digest();
        final IntList lines;
        final LongList pending = new LongList();
        long bytes;
        long objects;

        Part(long offset, int firstLine, boolean copied) {
            this.offset = offset;
            this.firstLine = firstLine;
            this.lines = copied ? new IntList() : null;
        }
    }

    /** The lines of a file's own copy, without boxing each. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** The fingerprints of a copy's objects, without boxing each. */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private void read(BundleFile file, Lines.Visitor visitor) {
        try (InputStream in = Files.newInputStream(path(file))) {
            Lines.read(in, visitor);
        } catch (Lines.TooLong e) {
            throw e.inPush(file.name());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name() + ": " + e.getMessage(), e);
        }
    }

    PushException tooLong(Path file, int line, long bytes) {
        return new PushException(file + ":" + line + ": this line alone is " + bytes + " bytes, over the "
                + maxPartBytes + "-byte upload limit; Gong cannot take it in any upload");
    }

    private static Path path(BundleFile file) {
        return Path.of(file.name());
    }

    private static void requireValidated(BundleFile file, String sha256, Map<String, String> validated) {
        String expected = validated.get(file.name());
        if (expected != null && !expected.equals(sha256)) {
            throw new PushException(file.name() + " changed after it was validated (is something still writing it?); "
                    + "nothing was sent: push again once it is complete, and it is validated again");
        }
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
    private String contentHash(MessageDigest digest, ObjectType type, String kind) {
        digest.update(("\n" + type.name() + "\n" + kind + "\n" + integrationId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String requestId(ObjectType type, String kind, String hash) {
        return "gongcrm-" + type.name().toLowerCase().replace('_', '-') + "-" + kind + hash.substring(0, ID_HASH_CHARS);
    }

    private static String jsonString(String value) {
        return JSON.writeValueAsString(value);
    }
}
