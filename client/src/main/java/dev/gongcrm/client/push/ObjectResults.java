package dev.gongcrm.client.push;

import dev.gongcrm.validator.IoFailures;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.report.ReportFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The results file of a push ({@code --results}): one row per object of the bundle and per deletion,
 * with what the push did with it and how Gong took it, as the ledger has it once the push ended. The
 * objects are spooled to a temporary file as the push plans them, so a bundle of millions of objects
 * takes no memory for it; the file is written beside its target and renamed onto it when complete.
 */
final class ObjectResults implements ObjectSink, AutoCloseable {

    /** What the push did with an object. */
    enum Action {
        SENT, UNCHANGED, RETRIED, DELETED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String[] COLUMNS = {"type", "objectId", "file", "line", "action", "outcome", "error"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path target;
    /** Beside the target, made before anything is sent: a results file that cannot be written stops the push then. */
    private final Path temporary;
    private final Path spool;
    private final DataOutputStream out;

    ObjectResults(Path target) throws IOException {
        this.target = target;
        try {
            Path folder = target.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            temporary = ReportFiles.temporaryBeside(target);
        } catch (IOException e) {
            throw new IOException("cannot write the results to " + target + ": " + IoFailures.whereAndWhy(e), e);
        }
        try {
            spool = Files.createTempFile("gongcrm-results-", ".bin");
            spool.toFile().deleteOnExit(); // the objects' ids: gone at exit even when the push is stopped
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    @Override
    public void object(ObjectType type, String objectId, Path file, int line, ObjectIndex.Decision decision,
                       long valueHash) {
        spool(type, objectId, file.toString(), line, decision.ordinal(), valueHash);
    }

    @Override
    public void deleted(ObjectType type, String objectId, long valueHash) {
        spool(type, objectId, "", 0, -1, valueHash);
    }

    private void spool(ObjectType type, String objectId, String file, int line, int decision, long valueHash) {
        try {
            out.writeByte(type.ordinal());
            out.writeUTF(objectId);
            out.writeUTF(file);
            out.writeInt(line);
            out.writeByte(decision);
            out.writeLong(valueHash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the push's results to " + spool + ": " + Ledger.describe(e), e);
        }
    }

    /**
     * Writes the results file: each object's action (from what the ledger knew before the push and
     * whether its file was sent whole) and its outcome as the ledger has it now; an object whose value
     * the ledger does not have as sent is NOT_SENT (a dry run, or a push that stopped before it).
     */
    void write(Ledger ledger, long integrationId, Plan plan, boolean dryRun) throws IOException {
        out.flush();
        boolean json = isJsonLines(target);
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16);
             CSVPrinter csv = json ? null : CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get().print(writer);
             DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16))) {
            Fates fates = null;
            while (true) {
                int typeOrdinal;
                try {
                    typeOrdinal = in.readUnsignedByte();
                } catch (EOFException end) {
                    break;
                }
                ObjectType type = ObjectType.values()[typeOrdinal];
                String objectId = in.readUTF();
                String file = in.readUTF();
                int line = in.readInt();
                int decision = in.readByte();
                long valueHash = in.readLong();
                if (fates == null || fates.type != type) {
                    fates = new Fates(type, ledger, integrationId);
                }
                Action action = action(decision, plan.sentWhole.contains(Path.of(file)));
                String[] outcome = dryRun ? new String[] {action == Action.UNCHANGED ? "STORED" : "NOT_SENT", null}
                        : fates.outcome(objectId, valueHash);
                Object[] row = {type.name(), objectId, file, line == 0 ? "" : String.valueOf(line), action.label(),
                        outcome[0], outcome[1] == null ? "" : outcome[1]};
                if (json) {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < COLUMNS.length; i++) {
                        object.put(COLUMNS[i], i == 3 ? (Object) (line == 0 ? null : line) : row[i]);
                    }
                    writer.write(JSON.writeValueAsString(object));
                    writer.write('\n');
                } else {
                    csv.printRecord(row);
                }
            }
        }
        ReportFiles.moveAtomically(temporary, target);
    }

    private static Action action(int decision, boolean sentWhole) {
        if (decision < 0) {
            return Action.DELETED;
        }
        return switch (ObjectIndex.Decision.values()[decision]) {
            case NEW, CHANGED -> Action.SENT;
            case RETRY -> Action.RETRIED;
            case UNCHANGED -> sentWhole ? Action.SENT : Action.UNCHANGED;
        };
    }

    static boolean isJsonLines(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ldjson") || name.endsWith(".ndjson");
    }

    /**
     * What the ledger has of one type's objects after the push: their fates in an index, and Gong's
     * error for those it did not store, each distinct message kept once (an upload Gong refused whole
     * gives its every object the same one).
     */
    private static final class Fates {
        final ObjectType type;
        final ObjectIndex index;
        final Map<String, String> errors = new HashMap<>();

        Fates(ObjectType type, Ledger ledger, long integrationId) {
            this.type = type;
            this.index = ledger.objectIndex(integrationId, type);
            Map<String, String> distinct = new HashMap<>();
            ledger.forEachUnstored(integrationId, type, fate -> {
                if (fate.error() != null) {
                    errors.put(fate.objectId(), distinct.computeIfAbsent(fate.error(), message -> message));
                }
            });
        }

        /** The outcome and Gong's error of the object with this value; NOT_SENT when the ledger has another value. */
        String[] outcome(String objectId, long valueHash) {
            if (index.isPending(objectId)) {
                return new String[] {ObjectIndex.Outcome.UNCERTAIN.name(), "sent; the push stopped before Gong said "
                        + "what it did with it"};
            }
            ObjectIndex.Outcome outcome = index.outcomeOf(objectId, valueHash);
            if (outcome == null) {
                return new String[] {"NOT_SENT", null};
            }
            return new String[] {outcome.name(), outcome == ObjectIndex.Outcome.STORED ? null : errors.get(objectId)};
        }
    }

    /** Deletes the spool, and the temporary file beside the target unless {@link #write} moved it there. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            try {
                Files.deleteIfExists(spool);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
