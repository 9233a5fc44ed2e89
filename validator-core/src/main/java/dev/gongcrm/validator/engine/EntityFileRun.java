package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationOptions;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.read.LdjsonReader;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.syntax.BlankLine;
import dev.gongcrm.validator.rules.syntax.EmptyFile;
import dev.gongcrm.validator.rules.syntax.InvalidEncoding;
import dev.gongcrm.validator.rules.syntax.InvalidJson;
import dev.gongcrm.validator.rules.syntax.NotAnObject;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.TypeSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks one entity file: the reader hands it each object, it runs the rules on it, sends its
 * references to the bundle and records its id. Serves as the {@link RecordScope} of the rules.
 */
final class EntityFileRun implements RecordScope, LdjsonReader.Listener {

    private static final String OBJECT_ID = "objectId";
    private static final String IS_DELETED = "isDeleted";

    private final BundleRun bundle;
    private final BundleFile file;
    private final int ordinal;
    private final TypeSpec spec;
    private final ActiveRules rules;
    /** Per field name: its spec and the field rules that apply to it, looked up once per field. */
    private final Map<String, FieldPlan> plans = new HashMap<>();
    private final FieldPlan unknownField;
    private CrmRecord record;
    private String objectId;
    private boolean deleted;
    private int earlierLine;
    private long objects;

    /** @param spec the type with its custom fields, or null when the file's type is unknown (syntax only) */
    EntityFileRun(BundleRun bundle, BundleFile file, int ordinal, TypeSpec spec) {
        this.bundle = bundle;
        this.file = file;
        this.ordinal = ordinal;
        this.spec = spec;
        this.rules = bundle.rules();
        this.unknownField = new FieldPlan(null, rules.fieldRulesFor(null));
        if (spec != null) {
            spec.fields().forEach((name, field) -> plans.put(name, new FieldPlan(field, rules.fieldRulesFor(field))));
        }
    }

    private record FieldPlan(FieldSpec spec, Rule[] rules) {
    }

    long read() throws IOException {
        if (spec != null) {
            for (Rule rule : rules.fileRules) {
                rule.startFile(this);
            }
        }
        try (InputStream in = file.opener().open()) {
            new LdjsonReader().read(in, this);
        }
        return objects;
    }

    @Override
    public void record(CrmRecord line) {
        objects++;
        if (spec == null) {
            return;
        }
        record = line;
        objectId = line.string(OBJECT_ID);
        deleted = line.isTrue(IS_DELETED);
        earlierLine = bundle.index().add(spec.type(), objectId, referenceKeyOf(line), ordinal, line.line(),
                flagsOf(line));
        for (Rule rule : rules.recordRules) {
            rule.checkRecord(this);
        }
        for (int i = 0; i < line.size(); i++) {
            FieldValue value = line.field(i);
            FieldPlan plan = plans.getOrDefault(value.name(), unknownField);
            FieldSpec field = plan.spec();
            for (Rule rule : plan.rules()) {
                rule.checkField(this, value, field);
            }
            if (field != null && field.referenceTo() != null && value.kind() == JsonKind.STRING
                    && !value.text().isEmpty()) {
                bundle.reference(this, value.name(), value.text(), field.referenceTo());
            }
        }
    }

    private String referenceKeyOf(CrmRecord line) {
        return OBJECT_ID.equals(spec.referenceKey()) ? null : line.string(spec.referenceKey());
    }

    private int flagsOf(CrmRecord line) {
        int flags = deleted ? IdIndex.DELETED : 0;
        if (spec.activeField() != null) {
            FieldValue active = line.get(spec.activeField());
            if (deleted || (active != null && active.kind() == JsonKind.BOOLEAN && !active.bool())) {
                flags |= IdIndex.INACTIVE;
            }
        }
        return flags;
    }

    @Override
    public void problem(LineProblem problem, int line, int column, String message) {
        Class<? extends Rule> rule = switch (problem) {
            case INVALID_JSON -> InvalidJson.class;
            case NOT_AN_OBJECT -> NotAnObject.class;
            case INVALID_ENCODING -> InvalidEncoding.class;
            case BLANK_LINE -> BlankLine.class;
            case EMPTY_FILE -> EmptyFile.class;
        };
        bundle.sink().add(rule, file.name(), line, column, null, null, message);
    }

    @Override
    public String file() {
        return file.name();
    }

    @Override
    public ObjectType type() {
        return spec.type();
    }

    @Override
    public TypeSpec spec() {
        return spec;
    }

    @Override
    public CrmRecord record() {
        return record;
    }

    @Override
    public ValidationOptions options() {
        return bundle.options();
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
        return spec.mandatory().contains(field)
                || (!deleted && spec.mandatoryUnlessDeleted().contains(field))
                || (bundle.options().dialer() && spec.mandatoryForDialer().contains(field));
    }

    @Override
    public int earlierLine() {
        return earlierLine;
    }

    @Override
    public void report(Rule rule, String field, String message) {
        int column = field == null ? 0 : record.columnOf(field);
        bundle.sink().add(rule.getClass(), file.name(), record.line(), column, objectId, field, message);
    }

    int ordinal() {
        return ordinal;
    }
}
