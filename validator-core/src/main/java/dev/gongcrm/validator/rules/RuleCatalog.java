package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.rules.fields.DatetimeFormat;
import dev.gongcrm.validator.rules.fields.DateFormat;
import dev.gongcrm.validator.rules.fields.DeprecatedField;
import dev.gongcrm.validator.rules.fields.DomainFormat;
import dev.gongcrm.validator.rules.fields.EmailFormat;
import dev.gongcrm.validator.rules.fields.MissingMandatoryField;
import dev.gongcrm.validator.rules.fields.OutOfRange;
import dev.gongcrm.validator.rules.fields.PicklistValue;
import dev.gongcrm.validator.rules.fields.StringFormat;
import dev.gongcrm.validator.rules.fields.UnknownField;
import dev.gongcrm.validator.rules.fields.UrlFormat;
import dev.gongcrm.validator.rules.fields.WrongType;
import dev.gongcrm.validator.rules.objects.DeletedOnInitialUpload;
import dev.gongcrm.validator.rules.objects.DuplicateObject;
import dev.gongcrm.validator.rules.objects.InconsistentDealStatus;
import dev.gongcrm.validator.rules.objects.UnsortedModifiedDate;
import dev.gongcrm.validator.rules.references.InactiveStage;
import dev.gongcrm.validator.rules.references.ReferenceToDeleted;
import dev.gongcrm.validator.rules.references.UnresolvedReference;
import dev.gongcrm.validator.rules.schema.ChangedFieldType;
import dev.gongcrm.validator.rules.schema.DroppedSchemaField;
import dev.gongcrm.validator.rules.schema.DuplicateFieldDefinition;
import dev.gongcrm.validator.rules.schema.InvalidEnumValue;
import dev.gongcrm.validator.rules.schema.StringarrayCustomField;
import dev.gongcrm.validator.rules.syntax.BlankLine;
import dev.gongcrm.validator.rules.syntax.DuplicateKey;
import dev.gongcrm.validator.rules.syntax.EmptyFile;
import dev.gongcrm.validator.rules.syntax.InvalidEncoding;
import dev.gongcrm.validator.rules.syntax.InvalidJson;
import dev.gongcrm.validator.rules.syntax.NotAnObject;
import dev.gongcrm.validator.rules.syntax.PayloadTooLarge;
import dev.gongcrm.validator.rules.syntax.UnknownObjectType;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

/** Every rule, in catalog order. Adding a rule means writing its class and listing it here. */
public final class RuleCatalog {

    private static final List<Class<? extends Rule>> RULES = List.of(
            InvalidJson.class,
            NotAnObject.class,
            DuplicateKey.class,
            InvalidEncoding.class,
            BlankLine.class,
            EmptyFile.class,
            PayloadTooLarge.class,
            UnknownObjectType.class,
            MissingMandatoryField.class,
            WrongType.class,
            DatetimeFormat.class,
            DateFormat.class,
            StringFormat.class,
            OutOfRange.class,
            PicklistValue.class,
            InvalidEnumValue.class,
            EmailFormat.class,
            UrlFormat.class,
            DomainFormat.class,
            DeprecatedField.class,
            UnknownField.class,
            DeletedOnInitialUpload.class,
            InconsistentDealStatus.class,
            DuplicateObject.class,
            UnsortedModifiedDate.class,
            UnresolvedReference.class,
            InactiveStage.class,
            ReferenceToDeleted.class,
            DuplicateFieldDefinition.class,
            StringarrayCustomField.class,
            DroppedSchemaField.class,
            ChangedFieldType.class);

    private RuleCatalog() {
    }

    public static List<RuleMeta> all() {
        return RULES.stream().map(RuleMeta::of).toList();
    }

    public static Optional<RuleMeta> find(String name) {
        return all().stream().filter(meta -> meta.name().equals(name)).findFirst();
    }

    /** What {@code gongcrm fix} repairs of a rule's findings, or empty when the rule is not fixable. */
    public static Optional<String> fix(RuleMeta rule) {
        String fix = rule.ruleClass().getAnnotation(RuleDoc.class).fix();
        return fix.isEmpty() ? Optional.empty() : Optional.of(fix);
    }

    /** Fresh instances of every rule, for one validation run (rules may keep per-file state). */
    public static List<Rule> newInstances() {
        return RULES.stream().map(RuleCatalog::instantiate).toList();
    }

    private static Rule instantiate(Class<? extends Rule> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
                 | InvocationTargetException e) {
            throw new IllegalStateException("rule " + type.getName() + " needs a public no-argument constructor", e);
        }
    }
}
