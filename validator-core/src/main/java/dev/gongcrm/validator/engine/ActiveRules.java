package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.BundleFileScope;
import dev.gongcrm.validator.rules.FileScope;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.ReferenceScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.rules.SchemaFieldScope;
import dev.gongcrm.validator.rules.SchemaFileScope;
import dev.gongcrm.validator.rules.SequenceScope;
import dev.gongcrm.validator.rules.SyntaxScope;
import dev.gongcrm.validator.rules.UniqueValueScope;
import dev.gongcrm.validator.schema.FieldSpec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enabled rules of one run, sorted by the hooks they override so that the hot loop calls only
 * rules with something to do; field rules are looked up once per field spec.
 */
final class ActiveRules {

    private static final Rule[] NONE = new Rule[0];

    final List<Rule> bundleFileRules = new ArrayList<>();
    final List<Rule> syntaxRules = new ArrayList<>();
    final List<Rule> fileRules = new ArrayList<>();
    final List<Rule> sequenceRules = new ArrayList<>();
    final List<Rule> uniqueValueRules = new ArrayList<>();
    final List<Rule> recordRules = new ArrayList<>();
    final List<Rule> referenceRules = new ArrayList<>();
    final List<Rule> schemaFieldRules = new ArrayList<>();
    final List<Rule> schemaFileRules = new ArrayList<>();
    private final List<Rule> fieldRules = new ArrayList<>();
    private final Map<FieldSpec, Rule[]> fieldRulesBySpec = new IdentityHashMap<>();
    private final Rule[] unknownFieldRules;

    ActiveRules(RuleConfig config) {
        for (Rule rule : RuleCatalog.newInstances()) {
            if (!config.isEnabled(rule.meta())) {
                continue;
            }
            addIf(rule, "checkBundleFile", bundleFileRules, BundleFileScope.class);
            addIf(rule, "checkSyntax", syntaxRules, SyntaxScope.class);
            addIf(rule, "startFile", fileRules, FileScope.class);
            addIf(rule, "checkRecord", recordRules, RecordScope.class);
            addIf(rule, "checkSequence", sequenceRules, SequenceScope.class);
            addIf(rule, "checkUniqueValue", uniqueValueRules, UniqueValueScope.class);
            addIf(rule, "checkReference", referenceRules, ReferenceScope.class);
            addIf(rule, "checkSchemaField", schemaFieldRules, SchemaFieldScope.class);
            addIf(rule, "checkSchemaFile", schemaFileRules, SchemaFileScope.class);
            addIf(rule, "checkField", fieldRules, RecordScope.class, FieldValue.class, FieldSpec.class);
        }
        unknownFieldRules = select(null);
    }

    /** The rules that check values of fields with this spec (null: fields no schema defines). */
    Rule[] fieldRulesFor(FieldSpec spec) {
        if (spec == null) {
            return unknownFieldRules;
        }
        return fieldRulesBySpec.computeIfAbsent(spec, this::select);
    }

    private Rule[] select(FieldSpec spec) {
        List<Rule> applicable = new ArrayList<>();
        for (Rule rule : fieldRules) {
            if (rule.appliesTo(spec)) {
                applicable.add(rule);
            }
        }
        return applicable.isEmpty() ? NONE : applicable.toArray(NONE);
    }

    private static void addIf(Rule rule, String hook, List<Rule> target, Class<?>... parameters) {
        try {
            if (rule.getClass().getMethod(hook, parameters).getDeclaringClass() != Rule.class) {
                target.add(rule);
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Rule has no hook " + hook, e);
        }
    }
}
