package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.rules.ReferenceScope;
import dev.gongcrm.validator.rules.Rule;

/**
 * A reference and what the bundle knows of its target. One instance is reused for the references
 * checked while their line is current (the column is then found only if a finding needs it); one that
 * must wait for its target type's files is copied, its column taken before the line is gone.
 */
final class ReferenceCheck implements ReferenceScope {

    private final FindingTarget findings;
    private String file;
    private int line;
    private CrmRecord record;
    private int column;
    private String objectId;
    private String field;
    private String value;
    private ObjectType target;
    private String targetKey;
    private int flags = -1;

    ReferenceCheck(FindingTarget findings) {
        this.findings = findings;
    }

    /** The same reference, reporting to another target: for a check deferred to the end of its target type. */
    ReferenceCheck copyTo(FindingTarget target) {
        ReferenceCheck copy = new ReferenceCheck(target);
        copy.file = file;
        copy.line = line;
        copy.column = record != null ? record.columnOf(field) : column;
        copy.objectId = objectId;
        copy.field = field;
        copy.value = value;
        copy.target = this.target;
        copy.targetKey = targetKey;
        return copy;
    }

    /** Moves a deferred check from its batch's line numbers to its file's, {@code linesBefore} lines on. */
    void shiftLines(int linesBefore) {
        line += linesBefore;
    }

    ReferenceCheck set(String sourceFile, CrmRecord sourceRecord, String sourceObjectId, String sourceField,
                       String targetValue, ObjectType targetType, String key) {
        file = sourceFile;
        line = sourceRecord.line();
        record = sourceRecord;
        column = 0;
        objectId = sourceObjectId;
        field = sourceField;
        value = targetValue;
        target = targetType;
        targetKey = key;
        flags = -1;
        return this;
    }

    /** Looks the target up; true when there is something to check (it is missing, deleted or inactive). */
    boolean resolve(IdMap keys) {
        return resolved(IdIndex.flags(keys, value));
    }

    /** Takes the target's flags as found elsewhere ({@link IdIndex#ABSENT}: not found); true as {@link #resolve}. */
    boolean resolved(int targetFlags) {
        flags = targetFlags;
        return flags != 0;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public String objectId() {
        return objectId;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public String value() {
        return value;
    }

    @Override
    public ObjectType target() {
        return target;
    }

    @Override
    public String targetKey() {
        return targetKey;
    }

    @Override
    public boolean found() {
        return flags >= 0;
    }

    @Override
    public boolean deleted() {
        return found() && (flags & IdIndex.DELETED) != 0;
    }

    @Override
    public boolean inactive() {
        return found() && (flags & IdIndex.INACTIVE) != 0;
    }

    @Override
    public void report(Rule rule, String message) {
        int at = record != null ? record.columnOf(field) : column;
        findings.add(new Raised(rule.meta(), new Raised.Place(file, line, at, objectId), field,
                message));
    }
}
