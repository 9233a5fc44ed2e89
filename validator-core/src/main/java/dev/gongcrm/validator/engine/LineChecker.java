package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationOptions;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.read.LdjsonReader;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.read.LineSplitter;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's view of a batch: parses each line, runs the line-local rules on it (the worker's own
 * rule instances), checks references to complete types, and leaves in the batch what the ordered
 * part of the run needs. Serves as the {@link RecordScope} of the rules; one instance per thread.
 */
final class LineChecker implements RecordScope, LdjsonReader.Listener {

    private static final String OBJECT_ID = "objectId";
    private static final String IS_DELETED = "isDeleted";
    private static final String MODIFIED_DATE = "modifiedDate";

    private final LdjsonReader reader = new LdjsonReader();
    private final LineSplitter.LineSink parseLine = (bytes, start, length, line) ->
            reader.parseLine(bytes, start, length, line, this);
    private final ActiveRules rules;
    private final SyntaxProblems syntax;
    private final Map<String, FieldPlan> plans = new HashMap<>();
    private FieldPlan unknownField;
    private FileJob job;
    private LineBatch batch;
    private ReferenceCheck reference;
    private CrmRecord record;
    private String objectId;
    private boolean deleted;

    private record FieldPlan(FieldSpec spec, Rule[] rules) {
    }

    LineChecker(ActiveRules rules) {
        this.rules = rules;
        this.syntax = new SyntaxProblems(rules.syntaxRules);
        this.unknownField = new FieldPlan(null, rules.fieldRulesFor(null));
    }

    LineBatch check(FileJob fileJob, LineBatch lines) {
        if (fileJob != job) {
            job = fileJob;
            plans.clear();
            if (job.spec() != null) {
                job.spec().fields().forEach((name, field) ->
                        plans.put(name, new FieldPlan(field, rules.fieldRulesFor(field))));
            }
        }
        batch = lines;
        reference = new ReferenceCheck(lines);
        lines.lines = LineSplitter.forEachLine(lines.bytes, lines.from, lines.to, 1, parseLine) - 1;
        reader.release();
        record = null;
        return lines;
    }

    @Override
    public void record(CrmRecord line) {
        record = line;
        objectId = line.string(job.spec() == null ? OBJECT_ID : job.spec().idField());
        deleted = line.isTrue(IS_DELETED);
        LineBatch.ObjectFacts facts = batch.nextObject();
        facts.line = line.line();
        facts.start = line.start();
        facts.length = line.length();
        facts.objectId = objectId;
        if (job.spec() == null) {
            facts.modifiedInstant = Long.MIN_VALUE;
            return;
        }
        recordOrderFacts(line, facts);
        for (Rule rule : rules.recordRules) {
            rule.checkRecord(this);
        }
        for (int i = 0; i < line.size(); i++) {
            checkField(line.field(i));
        }
    }

    /** What the ordered checks (duplicates, sort order, references to this object) need of the line. */
    private void recordOrderFacts(CrmRecord line, LineBatch.ObjectFacts facts) {
        FieldValue modified = line.get(MODIFIED_DATE);
        facts.modifiedDate = modified != null && modified.kind() == JsonKind.STRING ? modified.text() : null;
        facts.modifiedInstant = modified != null ? modified.epochSeconds() : Long.MIN_VALUE;
        String referenceKey = job.spec().referenceKey();
        facts.referenceKey = referenceKey.equals(job.spec().idField()) ? null : line.string(referenceKey);
        facts.flags = flagsOf(line);
        List<String> unique = job.spec().uniqueFields();
        if (facts.uniqueValues == null || facts.uniqueValues.length != unique.size()) {
            facts.uniqueValues = new String[unique.size()];
        }
        for (int i = 0; i < unique.size(); i++) {
            facts.uniqueValues[i] = deleted ? null : line.string(unique.get(i));
        }
    }

    private void checkField(FieldValue value) {
        FieldPlan plan = plans.getOrDefault(value.name(), unknownField);
        FieldSpec field = plan.spec();
        for (Rule rule : plan.rules()) {
            rule.checkField(this, value, field);
        }
        if (field != null && field.referenceTo() != null && value.kind() == JsonKind.STRING && !value.isEmpty()) {
            checkReference(value, field.referenceTo());
        }
    }

    private void checkReference(FieldValue value, ObjectType target) {
        if (rules.referenceRules.isEmpty()) {
            return;
        }
        IdMap keys = job.completeTargets().get(target);
        if (keys == null && !job.waitingTargets().contains(target)) {
            return;
        }
        int flags = keys == null ? IdIndex.ABSENT : IdIndex.flags(keys, value);
        if (flags == 0) {
            return; // found, neither deleted nor inactive: nearly every reference, and for an ASCII id no String made
        }
        reference.set(job.file(), record, objectId, value.name(), value.text(), target, job.targetKeys().get(target));
        if (keys == null) {
            batch.deferred.add(reference.copyTo(job.sink()));
            return;
        }
        reference.resolved(flags);
        if (!reference.found() && job.lookedUpTargets().contains(target)) {
            batch.deferred.add(reference.copyTo(job.sink())); // perhaps an object of an earlier push
            return;
        }
        for (Rule rule : rules.referenceRules) {
            rule.checkReference(reference);
        }
    }

    private int flagsOf(CrmRecord line) {
        int flags = deleted ? IdIndex.DELETED : 0;
        String activeField = job.spec().activeField();
        if (activeField != null) {
            FieldValue active = line.get(activeField);
            if (deleted || (active != null && active.kind() == JsonKind.BOOLEAN && !active.bool())) {
                flags |= IdIndex.INACTIVE;
            }
        }
        return flags;
    }

    @Override
    public boolean needsValue(String field) {
        return job.spec() == null ? OBJECT_ID.equals(field) : plans.containsKey(field);
    }

    @Override
    public void problem(LineProblem problem, int line, int column, String message) {
        syntax.report(batch, job.file(), problem, line, column, message);
    }

    @Override
    public String file() {
        return job.file();
    }

    @Override
    public TypeSpec spec() {
        return job.spec();
    }

    @Override
    public CrmRecord record() {
        return record;
    }

    @Override
    public ValidationOptions options() {
        return job.options();
    }

    @Override
    public String objectId() {
        return objectId;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }

    @Override
    public boolean isMandatory(String field) {
        TypeSpec spec = job.spec();
        return spec.mandatory().contains(field)
                || (!deleted && spec.mandatoryUnlessDeleted().contains(field))
                || (job.options().dialer() && spec.mandatoryForDialer().contains(field))
                || isUnmetOneOf(spec.oneOfGroup(field));
    }

    /** Whether a group of which one field is mandatory has none of its fields given. */
    private boolean isUnmetOneOf(List<String> group) {
        for (int i = 0; i < group.size(); i++) { // asked of every deal line: no stream, no allocation
            if (isGiven(group.get(i))) {
                return false;
            }
        }
        return !group.isEmpty();
    }

    /** Whether the object has the field with a value that is not empty. */
    private boolean isGiven(String field) {
        FieldValue value = record.get(field);
        return value != null && !value.isEmpty();
    }

    @Override
    public void report(Rule rule, String field, String message, boolean fixable) {
        int column = field == null ? 0 : record.columnOf(field);
        batch.add(new Raised(rule.meta(), new Raised.Place(job.file(), record.line(), column, objectId), field,
                message, fixable));
    }
}
