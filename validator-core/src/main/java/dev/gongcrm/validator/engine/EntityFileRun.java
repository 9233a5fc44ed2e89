package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.LdjsonReader;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.read.LineSplitter;
import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.SequenceScope;
import dev.gongcrm.validator.schema.TypeSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Checks one entity file. This thread cuts the file into batches of whole lines and hands them to
 * the workers, which split, parse and check them in parallel; it then takes the checked batches back
 * in order and does what needs the order of lines: line numbers, the id index, duplicate objects and
 * unique values, modifiedDate order.
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
    /** How many lines of the file the ordered part has taken in: batches count their lines from 1. */
    private int linesDone;

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
        SyntaxProblems syntax = new SyntaxProblems(bundle.rules().syntaxRules);
        try (InputStream in = file.opener().open()) {
            new LineSplitter().split(in, new LineSplitter.BlockSink() {
                @Override
                public void lines(byte[] buf, int from, int to) {
                    addLines(buf, from, to);
                }

                @Override
                public void lineTooLong(String message) {
                    drain();
                    linesDone++;
                    syntax.report(bundle.sink(), file.name(), LineProblem.INVALID_JSON, linesDone, 1, message);
                }
            }, (problem, line, column, message) -> syntax.report(bundle.sink(), file.name(), problem, line, column,
                    message));
        }
        drain();
        return objects;
    }

    /**
     * Cuts whole lines into batches at line ends (found by looking back from where a batch is full,
     * so this thread reads only a few bytes of each batch; the workers split the lines).
     */
    private void addLines(byte[] buf, int from, int to) {
        while (from < to) {
            int room = filling.room();
            if (to - from <= room) {
                filling.append(buf, from, to);
                return;
            }
            int lastLineEnd = LineSplitter.lastIndexOf(buf, from, from + room);
            if (lastLineEnd >= 0) {
                filling.append(buf, from, lastLineEnd + 1);
                from = lastLineEnd + 1;
                submitFilling();
            } else if (!filling.isEmpty()) {
                submitFilling();
            } else {
                // one line longer than a batch
                int newline = LineSplitter.indexOf(buf, from + room, to);
                int lineEnd = newline < 0 ? to : newline + 1;
                if (lineEnd - from > LdjsonReader.LONG_LINE_BYTES) {
                    checkInPlace(buf, from, lineEnd);
                } else {
                    filling.append(buf, from, lineEnd);
                    submitFilling();
                }
                from = lineEnd;
            }
        }
    }

    /**
     * A long line is checked where it lies in the reader's buffer, once the lines before it are done:
     * memory holds it once, not once more for each copy.
     */
    private void checkInPlace(byte[] buf, int from, int to) {
        drain();
        LineBatch borrowed = free.isEmpty() ? new LineBatch() : free.removeFirst();
        borrowed.borrow(buf, from, to);
        consume(bundle.workers().await(bundle.workers().check(job, borrowed)));
    }

    private void submitFilling() {
        inFlight.addLast(bundle.workers().check(job, filling));
        filling = free.isEmpty() ? new LineBatch() : free.removeFirst();
        while (inFlight.size() > BATCHES_IN_FLIGHT) {
            consume(bundle.workers().await(inFlight.removeFirst()));
        }
    }

    /** Checks every line handed over so far: then {@link #linesDone} counts them all. */
    private void drain() {
        if (!filling.isEmpty()) {
            submitFilling();
        }
        while (!inFlight.isEmpty()) {
            consume(bundle.workers().await(inFlight.removeFirst()));
        }
    }

    private void consume(LineBatch batch) {
        current = batch;
        int linesBefore = linesDone;
        int count = batch.objectCount();
        objects += count;
        if (job.spec() != null) {
            for (int i = 0; i < count; i++) {
                consume(batch.objects.get(i), linesBefore);
            }
        }
        for (Raised finding : batch.findings) {
            bundle.sink().add(finding.linesOn(linesBefore));
        }
        for (ReferenceCheck reference : batch.deferred) {
            reference.shiftLines(linesBefore);
        }
        bundle.waitFor(batch.deferred);
        linesDone += batch.lines;
        batch.clear();
        free.addLast(batch);
    }

    /**
     * The ordered checks of one object. A method of its own, not the body of the loop over a batch: the JIT then
     * compiles it once, where it compiled the loop's method three times (twice while in the loop, once whole).
     */
    private void consume(LineBatch.ObjectFacts object, int linesBefore) {
        facts = object;
        facts.line += linesBefore;
        earlierLine = bundle.index().add(job.spec().type(), facts.objectId, facts.referenceKey, ordinal, facts.line,
                facts.flags);
        claimUniqueValues();
        for (Rule rule : bundle.rules().sequenceRules) {
            rule.checkSequence(this);
        }
    }

    /**
     * Makes this object the holder of its unique values; a value another object holds goes to the rules at
     * once when that object is of the bundle, once the type's files are read when it is of an earlier push.
     */
    private void claimUniqueValues() {
        List<String> fields = job.spec().uniqueFields();
        for (int i = 0; i < fields.size(); i++) {
            String value = facts.uniqueValues[i];
            FirstHolder holder = value == null ? null : bundle.uniqueValues().claim(job.spec(), fields.get(i), value,
                    file.name(), facts.line, facts.objectId);
            if (holder == null) {
                continue;
            }
            UniqueConflict conflict = new UniqueConflict(bundle.sink(), file.name(), job.spec(), facts.line,
                    CrmRecord.keyColumn(current.bytes, facts.start, facts.length, fields.get(i), 1), facts.objectId,
                    fields.get(i), value, holder);
            if (holder.isEarlierPush()) {
                bundle.checkWhenTypeIsRead(conflict);
            } else {
                conflict.check(bundle.rules().uniqueValueRules);
            }
        }
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
    public void report(Rule rule, String field, String message, boolean fixable) {
        int column = field == null ? 0 : CrmRecord.keyColumn(current.bytes, facts.start, facts.length, field, 1);
        bundle.sink().add(new Raised(rule.meta(), new Raised.Place(file.name(), facts.line, column, facts.objectId),
                field, message, fixable));
    }
}
