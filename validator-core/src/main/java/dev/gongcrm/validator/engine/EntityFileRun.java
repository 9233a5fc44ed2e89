package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.LdjsonReader;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.SequenceScope;
import dev.gongcrm.validator.schema.TypeSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Future;

/**
 * Checks one entity file. This thread splits the file into batches of lines and hands them to the
 * workers, which parse and check them in parallel; it then takes the checked batches back in order
 * and does what needs the order of lines: the id index, duplicate objects, modifiedDate order.
 * Serves as the {@link SequenceScope} of the rules.
 */
final class EntityFileRun implements SequenceScope {

    private static final int BATCHES_IN_FLIGHT = 4;

    private final BundleRun bundle;
    private final BundleFile file;
    private final int ordinal;
    private final FileJob job;
    private final Deque<Future<LineBatch>> inFlight = new ArrayDeque<>();
    private final Deque<LineBatch> free = new ArrayDeque<>();
    private LineBatch filling;
    private LineBatch current;
    private LineBatch.ObjectFacts facts;
    private int earlierLine;
    private long objects;

    EntityFileRun(BundleRun bundle, BundleFile file, int ordinal, FileJob job) {
        this.bundle = bundle;
        this.file = file;
        this.ordinal = ordinal;
        this.job = job;
    }

    long read() throws IOException {
        if (job.spec() != null) {
            for (Rule rule : bundle.rules().fileRules) {
                rule.startFile(this);
            }
        }
        filling = new LineBatch();
        try (InputStream in = file.opener().open()) {
            new LdjsonReader().split(in, this::addLine, (problem, line, column, message) ->
                    bundle.sink().add(LineChecker.ruleFor(problem), file.name(), line, column, null, null, message));
        }
        if (filling.lines > 0) {
            submit(filling);
        }
        while (!inFlight.isEmpty()) {
            consume(bundle.workers().await(inFlight.removeFirst()));
        }
        return objects;
    }

    private void addLine(byte[] buf, int start, int length, int line) {
        if (length > LdjsonReader.LONG_LINE_BYTES) {
            checkInPlace(buf, start, length, line);
            return;
        }
        if (!filling.add(buf, start, length, line)) {
            submit(filling);
            filling = free.isEmpty() ? new LineBatch() : free.removeFirst();
            filling.add(buf, start, length, line);
        }
    }

    /**
     * A long line is checked where it lies in the reader's buffer, once the lines before it are done:
     * memory holds it once, not once more for each copy.
     */
    private void checkInPlace(byte[] buf, int start, int length, int line) {
        if (filling.lines > 0) {
            submit(filling);
            filling = free.isEmpty() ? new LineBatch() : free.removeFirst();
        }
        while (!inFlight.isEmpty()) {
            consume(bundle.workers().await(inFlight.removeFirst()));
        }
        LineBatch borrowed = free.isEmpty() ? new LineBatch() : free.removeFirst();
        borrowed.borrow(buf, start, length, line);
        consume(bundle.workers().await(bundle.workers().check(job, borrowed)));
    }

    private void submit(LineBatch batch) {
        inFlight.addLast(bundle.workers().check(job, batch));
        while (inFlight.size() > BATCHES_IN_FLIGHT) {
            consume(bundle.workers().await(inFlight.removeFirst()));
        }
    }

    private void consume(LineBatch batch) {
        current = batch;
        int count = batch.objectCount();
        objects += count;
        if (job.spec() != null) {
            ObjectType type = job.spec().type();
            for (int i = 0; i < count; i++) {
                facts = batch.objects.get(i);
                earlierLine = bundle.index().add(type, facts.objectId, facts.referenceKey, ordinal, facts.line,
                        facts.flags);
                for (Rule rule : bundle.rules().sequenceRules) {
                    rule.checkSequence(this);
                }
            }
        }
        for (LineBatch.Pending finding : batch.findings) {
            bundle.sink().add(finding.rule(), finding.file(), finding.line(), finding.column(), finding.objectId(),
                    finding.field(), finding.message());
        }
        bundle.waitFor(batch.deferred);
        batch.clear();
        free.addLast(batch);
    }

    @Override
    public String file() {
        return file.name();
    }

    @Override
    public TypeSpec spec() {
        return job.spec();
    }

    @Override
    public int line() {
        return facts.line;
    }

    @Override
    public String objectId() {
        return facts.objectId;
    }

    @Override
    public int earlierLine() {
        return earlierLine;
    }

    @Override
    public String modifiedDate() {
        return facts.modifiedDate;
    }

    @Override
    public long modifiedInstant() {
        return facts.modifiedInstant;
    }

    @Override
    public void report(Rule rule, String field, String message) {
        int column = field == null ? 0 : CrmRecord.keyColumn(current.bytes, facts.start, facts.length, field, 1);
        bundle.sink().add(rule.getClass(), file.name(), facts.line, column, facts.objectId, field,
                Messages.shorten(message));
    }
}
