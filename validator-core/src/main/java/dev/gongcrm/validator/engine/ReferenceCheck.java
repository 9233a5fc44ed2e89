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
        return of(target, file, line, column(), objectId, field, value, this.target, targetKey);
    }

    /** A check of a reference read earlier: a copy that outlives its line, or one {@link WaitingReferences} kept. */
    static ReferenceCheck of(FindingTarget findings, String file, int line, int column, String objectId,
                                  String field, String value, ObjectType target, String targetKey) {
        ReferenceCheck check = new ReferenceCheck(findings);
        check.file = file;
        check.line = line;
        check.column = column;
        check.objectId = objectId;
        check.field = field;
        check.value = value;
        check.target = target;
        check.targetKey = targetKey;
        return check;
    }

    /** Where the reference's field is on its line. */
    int column() {
        return record != null ? record.columnOf(field) : column;
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
        findings.add(new Raised(rule.meta(), new Raised.Place(file, line, column(), objectId), field, message));
    }
}
