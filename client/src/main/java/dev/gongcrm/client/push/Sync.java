package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What of a bundle's entity files a push sends, against what the ledger knows. An object is sent when
 * it is new, changed (its JSON value: key order and whitespace do not count) or when Gong failed it
 * or may not have taken it; an unchanged one is counted, not sent. Per kind: a schema file is sent
 * whole when it differs from the type's last schema upload (each request "must contain the full
 * schema"); a user mapping file whole when it differs from the last mapping upload ("each request
 * must include the complete list of users"); a STAGE file whole when any stage changed (Gong takes
 * "the list of stages"); ACCOUNT, CONTACT, DEAL, LEAD and BUSINESS_USER files object by object.
 *
 * @param ledger what was sent before; null: nothing was, every object is new
 * @param full send every object, changed or not (--full)
 * @param deleteMissing the types whose objects Gong holds and the bundle no longer has are sent with
 *     isDeleted (a full export of the type is then expected)
 * @param profile the API profile, whose mandatory fields a deletion carries
 * @param now the deletions' modifiedDate
 * @param sink told of each object, or null
 */
record Sync(Ledger ledger, boolean full, Set<ObjectType> deleteMissing, String profile, Instant now,
            ObjectSink sink) {

    static Sync everything() {
        return new Sync(null, false, Set.of(), ProfileSchemas.DEFAULT_PROFILE, Instant.EPOCH, null);
    }

    boolean deletesMissing(ObjectType type) {
        return deleteMissing.contains(type);
    }

    /**
     * The fields the ledger keeps of each object for its deletion: the type's mandatory ones (a deletion
     * is checked as any line), but for the id, modifiedDate and isDeleted, which a deletion sets anew.
     */
    Set<String> tombstoneFields(ObjectType type) {
        TypeSpec spec = ProfileSchemas.of(profile).type(type);
        Set<String> fields = new TreeSet<>(spec.mandatory());
        fields.addAll(spec.mandatoryForDialer());
        spec.mandatoryOneOf().forEach(fields::addAll);
        fields.removeAll(List.of(spec.idField(), "objectId", "modifiedDate", "isDeleted"));
        return fields;
    }
}
