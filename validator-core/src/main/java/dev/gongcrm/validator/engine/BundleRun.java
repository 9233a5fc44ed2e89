package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.RuleSettings;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationOptions;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation of one bundle. Schema files go first (they define the custom fields), then entity
 * files in upload order (STAGE, BUSINESS_USER, ACCOUNT, CONTACT, DEAL, LEAD), so most references
 * point at a type already read and are resolved on the spot; the others wait until their target
 * type is complete.
 */
public final class BundleRun {

    private static final String OBJECT_ID = "objectId";
    /** References looked up in one go: few calls to the ledger, and no more of them in memory at once. */
    private static final int LOOKUP_BATCH = 10_000;

    private final ProfileSchemas schemas;
    private final ValidationOptions options;
    private final ActiveRules rules;
    private final FindingSink sink;
    /**
     * Ids and waiting references may take an eighth of the heap: an ordinary bundle's all fit (a 200 MB
     * bundle's ids take 20 MB), and a bundle of millions keeps the rest in temporary files.
     */
    private static final int HEAP_SHARE = 8;

    private final Path spillFolder = Path.of(System.getProperty("java.io.tmpdir"));
    private final HeapAllowance allowance =
            new HeapAllowance(Runtime.getRuntime().maxMemory() / HEAP_SHARE);
    private final IdIndex index = new IdIndex(spillFolder, allowance);
    private final UniqueValues uniqueValues = new UniqueValues(spillFolder, allowance);
    private final Map<ObjectType, Integer> unreadFiles = new EnumMap<>(ObjectType.class);
    private final WaitingReferences waiting;
    /** Types whose objects of earlier pushes are looked up by id ({@link PriorUploads#findsById}), not all read. */
    private final Set<ObjectType> lookedUp = EnumSet.noneOf(ObjectType.class);
    /** References to those types that the bundle does not resolve, to look up among the earlier pushes' objects. */
    private final List<ReferenceCheck> toLookUp = new ArrayList<>();
    private final List<UniqueConflict> waitingConflicts = new ArrayList<>();
    private final RuleConfig config;
    private Workers workers;

    private final PriorUploads priorUploads;

    public BundleRun(ProfileSchemas schemas, RuleConfig config, ValidationOptions options, int maxFindings,
                     PriorUploads priorUploads) {
        this.schemas = schemas;
        this.priorUploads = priorUploads;
        this.options = options;
        this.config = config.withDefaultSeverities(schemas.table().severities());
        this.rules = new ActiveRules(this.config);
        this.sink = new FindingSink(this.config, maxFindings);
        this.waiting = new WaitingReferences(spillFolder, allowance, sink);
        RecordArena.forgetRefusal();
    }

    /**
     * Why a run of this JVM kept ids on the heap past its share (no temporary file could be made in
     * {@code java.io.tmpdir}, or its disk was full): what to say when the heap then runs out.
     */
    public static java.util.Optional<String> whyIdsStayedOnTheHeap() {
        return RecordArena.refusal();
    }

    public ValidationResult run(List<BundleFile> files) throws IOException {
        // closed last to first: the workers stop before the index they read is unmapped
        java.io.Closeable stopWorkers = () -> {
            if (workers != null && !workers.stop()) {
                allowance.keepMappedRegions();
            }
        };
        try (index; waiting; uniqueValues; stopWorkers) {
            return runFiles(files);
        }
    }

    private ValidationResult runFiles(List<BundleFile> files) throws IOException {
        Map<ObjectType, List<FieldSpec>> customFields = new EnumMap<>(ObjectType.class);
        SchemaFileChecker schemaChecker = null;
        for (BundleFile file : files) {
            if (file.kind() != FileKind.SCHEMA) {
                continue;
            }
            checkBundleFile(file, file.type() == null ? null : schemas.type(file.type()));
            if (file.type() == null) {
                continue;
            }
            if (schemaChecker == null) {
                schemaChecker = new SchemaFileChecker(this, schemas);
            }
            customFields.computeIfAbsent(file.type(), t -> new ArrayList<>())
                    .addAll(schemaChecker.check(file, schemas.type(file.type())));
        }

        for (ObjectType type : ObjectType.values()) {
            PriorUploads.UploadedSchema uploaded = priorUploads.lastSchema(type).orElse(null);
            if (uploaded != null && !customFields.containsKey(type)) {
                // no schema file of the type this time: Gong checks the files against the one it has
                if (schemaChecker == null) {
                    schemaChecker = new SchemaFileChecker(this, schemas);
                }
                customFields.put(type, schemaChecker.check(BundleFile.of("(" + type + " schema uploaded "
                        + uploaded.uploadedAt() + ")", FileKind.SCHEMA, type,
                        uploaded.json().getBytes(StandardCharsets.UTF_8)), schemas.type(type)));
            }
        }

        List<BundleFile> entityFiles = files.stream().filter(f -> f.kind() != FileKind.SCHEMA)
                .sorted(Comparator.comparingInt(f -> f.type() == null ? ObjectType.UPLOAD_ORDER.size()
                        : ObjectType.UPLOAD_ORDER.indexOf(f.type())))
                .toList();
        loadPriorObjects();
        for (BundleFile file : entityFiles) {
            if (file.type() != null) {
                unreadFiles.merge(file.type(), 1, Integer::sum);
            }
        }
        Map<String, Integer> ordinals = new HashMap<>();
        long objects = 0;
        for (BundleFile file : entityFiles) {
            int ordinal = ordinals.computeIfAbsent(file.name(), name -> ordinals.size());
            TypeSpec spec = file.type() == null ? null
                    : file.kind() == FileKind.USER_MAPPING ? schemas.userMapping()
                    : schemas.type(file.type()).withCustomFields(customFields.getOrDefault(file.type(), List.of()));
            checkBundleFile(file, spec);
            objects += new EntityFileRun(this, file, ordinal, job(file, spec)).read();
            if (file.type() != null && unreadFiles.merge(file.type(), -1, Integer::sum) == 0) {
                resolveWaiting(file.type());
            }
        }
        lookUp();

        List<Finding> findings = new ArrayList<>(sink.findings());
        List<String> order = files.stream().map(BundleFile::name).distinct().toList();
        findings.sort(Comparator.comparingInt((Finding f) -> order.indexOf(f.file()))
                .thenComparingInt(Finding::line).thenComparingInt(Finding::column));
        return new ValidationResult(findings, sink.counts(), order, objects, sink.ruleCounts(), List.of(),
                ruleSettings(), sink.fixableCounts(), index.size());
    }

    /** The profile and each rule's severity in this run, for the reports that describe the rules. */
    private RuleSettings ruleSettings() {
        Map<String, Severity> severities = new HashMap<>();
        for (RuleMeta rule : RuleCatalog.all()) {
            severities.put(rule.name(), config.severityOf(rule));
        }
        return new RuleSettings(schemas.profile(), severities);
    }

    /**
     * Objects uploaded earlier count as read: references to their types are checked against them too, and
     * the unique values the live ones hold are held against the bundle's. Where the prior uploads find
     * objects by id, those of a type without unique values are not read: a reference the bundle does
     * not resolve is looked up.
     */
    private void loadPriorObjects() {
        for (ObjectType type : priorUploads.objectTypes()) {
            unreadFiles.putIfAbsent(type, 0);
            TypeSpec spec = schemas.type(type);
            boolean keyedByObjectId = OBJECT_ID.equals(spec.referenceKey());
            if (priorUploads.findsById() && keyedByObjectId && spec.uniqueFields().isEmpty()) {
                lookedUp.add(type);
                continue;
            }
            priorUploads.forEachObject(type, known -> {
                index.addKnown(type, known.objectId(), keyedByObjectId ? null : known.referenceKey(),
                        flags(known));
                for (String field : spec.uniqueFields()) {
                    String value = known.values().get(field);
                    if (value != null && !known.deleted()) {
                        uniqueValues.heldEarlier(spec, field, value, known.objectId());
                    }
                }
            });
        }
    }

    private static int flags(PriorUploads.KnownObject known) {
        return (known.deleted() ? IdIndex.DELETED : 0) | (known.inactive() ? IdIndex.INACTIVE : 0);
    }

    /**
     * What the workers need for a file: references to types whose files are all read are checked at
     * once, against keys no one writes any more; references to types still to come wait.
     */
    private FileJob job(BundleFile file, TypeSpec spec) {
        Map<ObjectType, IdMap> complete = new EnumMap<>(ObjectType.class);
        Set<ObjectType> waitingTypes = EnumSet.noneOf(ObjectType.class);
        Map<ObjectType, String> keys = new EnumMap<>(ObjectType.class);
        for (Map.Entry<ObjectType, Integer> type : unreadFiles.entrySet()) {
            String key = schemas.type(type.getKey()).referenceKey();
            keys.put(type.getKey(), key);
            if (type.getValue() == 0) {
                complete.put(type.getKey(), index.keysOf(type.getKey(), OBJECT_ID.equals(key)));
            } else {
                waitingTypes.add(type.getKey());
            }
        }
        return new FileJob(file.name(), spec, options, complete, waitingTypes, keys, lookedUp, sink);
    }

    /**
     * References that can be checked only once their target type's files are all read, or, for a type
     * whose files are read, once its objects of earlier pushes are looked up.
     */
    void waitFor(List<ReferenceCheck> references) {
        for (ReferenceCheck reference : references) {
            if (unreadFiles.getOrDefault(reference.target(), 0) == 0) {
                toLookUp.add(reference);
            } else {
                waiting.add(reference);
            }
        }
        if (toLookUp.size() >= LOOKUP_BATCH) {
            lookUp();
        }
    }

    /** A unique value an object of an earlier push holds: checked once the files of its type are read. */
    void checkWhenTypeIsRead(UniqueConflict conflict) {
        waitingConflicts.add(conflict);
    }

    Workers workers() {
        if (workers == null) {
            workers = new Workers(config);
        }
        return workers;
    }

    private void resolveWaiting(ObjectType completed) throws IOException {
        resolveConflicts(completed);
        waiting.drain(completed, this::runReferenceRules);
    }

    /**
     * The conflicts with objects of earlier pushes, once the bundle's files of the type are read: one the
     * bundle sends again (updated, or deleted) holds what the bundle gives it now, which the bundle's own
     * conflicts cover.
     */
    private void resolveConflicts(ObjectType completed) {
        List<UniqueConflict> still = new ArrayList<>();
        for (UniqueConflict conflict : waitingConflicts) {
            if (conflict.type() != completed) {
                still.add(conflict);
            } else if (!index.sentInBundle(completed, conflict.holder().objectId())) {
                conflict.check(rules.uniqueValueRules);
            }
        }
        waitingConflicts.clear();
        waitingConflicts.addAll(still);
    }

    private void runReferenceRules(ReferenceCheck check) {
        if (check.resolve(index.keysOf(check.target(), OBJECT_ID.equals(check.targetKey())))) {
            if (!check.found() && lookedUp.contains(check.target())) {
                toLookUp.add(check);
                return;
            }
            runReferenceRulesOn(check);
        }
    }

    private void runReferenceRulesOn(ReferenceCheck check) {
        for (Rule rule : rules.referenceRules) {
            rule.checkReference(check);
        }
    }

    /** Looks up, per type, the targets the bundle does not have among the earlier pushes' objects, then checks them. */
    private void lookUp() {
        Map<ObjectType, List<ReferenceCheck>> byType = new EnumMap<>(ObjectType.class);
        toLookUp.forEach(check -> byType.computeIfAbsent(check.target(), type -> new ArrayList<>()).add(check));
        toLookUp.clear();
        for (Map.Entry<ObjectType, List<ReferenceCheck>> type : byType.entrySet()) {
            Set<String> ids = new java.util.HashSet<>();
            type.getValue().forEach(check -> ids.add(check.value()));
            Map<String, Integer> found = new HashMap<>();
            priorUploads.find(type.getKey(), ids, known -> found.put(known.objectId(), flags(known)));
            for (ReferenceCheck check : type.getValue()) {
                if (check.resolved(found.getOrDefault(check.value(), IdIndex.ABSENT))) {
                    runReferenceRulesOn(check);
                }
            }
        }
    }

    private void checkBundleFile(BundleFile file, TypeSpec spec) {
        BundleFileFacts facts = new BundleFileFacts(file, spec, schemas.profile(), sink);
        for (Rule rule : rules.bundleFileRules) {
            rule.checkBundleFile(facts);
        }
    }

    PriorUploads priorUploads() {
        return priorUploads;
    }

    ActiveRules rules() {
        return rules;
    }

    FindingSink sink() {
        return sink;
    }

    IdIndex index() {
        return index;
    }

    UniqueValues uniqueValues() {
        return uniqueValues;
    }

    ValidationOptions options() {
        return options;
    }
}
