package dev.gongcrm.validator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What Gong already holds from earlier uploads (a push's ledger): the objects that references may
 * point at, and each type's last uploaded schema. A bundle is then checked as the next upload, not
 * as the whole CRM: a deal may name an account sent last week.
 */
public interface PriorUploads {

    /** Nothing uploaded before: references resolve against the bundle alone. */
    PriorUploads NONE = of(Map.of(), Map.of());

    /**
     * An object Gong holds, with what references to it need.
     *
     * @param values what it gave the fields that no two objects may share ({@code x-gong-unique}: a stage's
     *     internalName, a user's emailAddress), by field, as far as the ledger knows them
     */
    record KnownObject(String objectId, String referenceKey, boolean deleted, boolean inactive,
                       Map<String, String> values) {

        public KnownObject {
            values = Map.copyOf(values);
        }

        /** An object whose unique values are not known. */
        public KnownObject(String objectId, String referenceKey, boolean deleted, boolean inactive) {
            this(objectId, referenceKey, deleted, inactive, Map.of());
        }
    }

    /**
     * The schema last uploaded for a type.
     *
     * @param fields the uniqueNames it defined, without those it deleted
     * @param uploadedAt when it was uploaded (ISO-8601), for messages
     * @param json the schema file as it was sent: its custom fields apply to entity files of a bundle
     *     that has no schema file of the type
     */
    record UploadedSchema(List<String> fields, String uploadedAt, String json) {
        public UploadedSchema {
            fields = List.copyOf(fields);
        }
    }

    /** The types with objects uploaded before: references to them are checked even without a file of the type. */
    Set<ObjectType> objectTypes();

    /** Every object of the type Gong holds, one call each (a ledger streams them rather than load a list). */
    void forEachObject(ObjectType type, Consumer<KnownObject> consumer);

    Optional<UploadedSchema> lastSchema(ObjectType type);

    /**
     * Whether {@link #find} looks objects up by id: then validation asks only for the objects the bundle
     * refers to and does not have, instead of reading every object Gong holds (a ledger of millions).
     * Objects whose values no two may share (stages, users) are still read whole.
     */
    default boolean findsById() {
        return false;
    }

    /** The objects of the type with these ids that Gong holds, one call each; those it does not hold are left out. */
    default void find(ObjectType type, java.util.Collection<String> objectIds, Consumer<KnownObject> consumer) {
        throw new UnsupportedOperationException("these prior uploads are read whole (findsById is false)");
    }

    /** Prior uploads held in memory. */
    static PriorUploads of(Map<ObjectType, List<KnownObject>> objects, Map<ObjectType, UploadedSchema> schemas) {
        Map<ObjectType, List<KnownObject>> objectsCopy = Map.copyOf(objects);
        Map<ObjectType, UploadedSchema> schemasCopy = Map.copyOf(schemas);
        return new PriorUploads() {
            @Override
            public Set<ObjectType> objectTypes() {
                return objectsCopy.keySet();
            }

            @Override
            public void forEachObject(ObjectType type, Consumer<KnownObject> consumer) {
                objectsCopy.getOrDefault(type, List.of()).forEach(consumer);
            }

            @Override
            public Optional<UploadedSchema> lastSchema(ObjectType type) {
                return Optional.ofNullable(schemasCopy.get(type));
            }
        };
    }
}
