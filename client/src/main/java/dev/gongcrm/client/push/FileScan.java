package dev.gongcrm.client.push;

import java.nio.file.Path;
import java.util.Set;

/**
 * One entity file read for a sync, line by line as its bytes come (from validation's read, or the
 * planner's): each object is decided against what the ledger knows of its type (new, changed,
 * unchanged, to retry), counted, told to the results sink, and, when the file is not to be sent whole,
 * copied into the plan's file of the objects to send. It never throws into the reader that feeds it:
 * a failure (a line over the upload limit, a copy that cannot be written) is kept for the planner.
 */
final class FileScan implements Lines.ByteSink {

    private final Planner.Scans.TypeScan typeScan;
    private final ObjectSink sink;
    private final Path file;
    private final Planner.Parts copy;
    private final Plan plan;
    private final Lines.Splitter lines = new Lines.Splitter(this::line);
    private long objects;
    private long toSend;
    private boolean complete;
    private RuntimeException failure;

    /** @param copy where the objects to send are copied, or null when the file is sent whole or not at all */
    FileScan(Planner.Scans.TypeScan typeScan, ObjectSink sink, Path file, Planner.Parts copy, Plan plan) {
        this.typeScan = typeScan;
        this.sink = sink;
        this.file = file;
        this.copy = copy;
        this.plan = plan;
    }

    @Override
    public void accept(byte[] chunk, int offset, int length) {
        if (failure != null) {
            return;
        }
        try {
            lines.accept(chunk, offset, length);
        } catch (java.io.IOException | RuntimeException e) {
            failure = failure(e);
        }
    }

    @Override
    public void end() {
        if (failure != null) {
            return;
        }
        try {
            lines.end();
            if (copy != null) {
                copy.finish();
            }
            complete = true;
        } catch (java.io.IOException | RuntimeException e) {
            failure = failure(e);
        }
    }

    private RuntimeException failure(Exception e) {
        if (e instanceof Lines.TooLong tooLong) {
            return tooLong.inPush(file);
        }
        return e instanceof RuntimeException unchecked ? unchecked
                : new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(),
                (java.io.IOException) e);
    }

    private void line(byte[] bytes, int from, int to, int number) {
        if (!Lines.hasContent(bytes, from, to)) {
            return;
        }
        objects++;
        if (sink == null) {
            // most lines of an export are the very bytes sent before: their members need not be read
            long id = ObjectLine.leadingId(bytes, from, to);
            if (id >= 0 && typeScan.index.unchangedLine(ObjectLine.fingerprint(bytes, (int) (id >>> 32), (int) id),
                    ObjectLine.lineHash(bytes, from, to))) {
                typeScan.tally.count(ObjectIndex.Decision.UNCHANGED);
                return;
            }
        }
        ObjectIndex.Decision decision = ObjectIndex.Decision.NEW;
        ObjectLine object = ObjectLine.read(bytes, from, to, "objectId", Set.of());
        boolean identified = object != null && object.hasId();
        if (identified) {
            decision = typeScan.index.decide(object.idFingerprint(), object.valueHash());
            if (sink != null) {
                sink.object(typeScan.type, object.id(), file, number, decision, object.valueHash());
            }
        }
        typeScan.tally.count(decision);
        if (decision != ObjectIndex.Decision.UNCHANGED) {
            toSend++;
            if (copy != null) {
                copy.addCopy(plan, bytes, from, to, number);
                if (identified) {
                    copy.identify(object.idFingerprint());
                }
            }
        }
    }

    /** A copy is made of the very bytes read; a file sent itself is read again, and compared by SHA-256. */
    @Override
    public boolean needsSha256() {
        return copy == null;
    }

    /** The reason the scan stopped, if it did. */
    void throwFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    boolean isComplete() {
        return complete || failure != null;
    }

    long objects() {
        return objects;
    }

    long toSend() {
        return toSend;
    }

    Planner.Parts copy() {
        return copy;
    }

    Planner.Scans.TypeScan typeScan() {
        return typeScan;
    }
}
