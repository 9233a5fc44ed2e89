package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationOptions;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.Map;
import java.util.Set;

/**
 * What the workers need to check the lines of one entity file, fixed before its first line.
 *
 * @param spec the type with its custom fields, or null when the file's type is unknown (syntax only)
 * @param completeTargets for each type whose files are all read, its keys: references to it are checked at once
 * @param waitingTargets the types the run has files of that are not complete yet: references to them wait
 * @param targetKeys the key each type is referred to by (objectId, or internalName for stages)
 * @param lookedUpTargets the types whose objects of earlier pushes are looked up by id, not all read: a
 *     reference the bundle does not resolve waits for that lookup
 * @param sink where references that wait report, once resolved
 */
record FileJob(String file, TypeSpec spec, ValidationOptions options, Map<ObjectType, IdMap> completeTargets,
               Set<ObjectType> waitingTargets, Map<ObjectType, String> targetKeys, Set<ObjectType> lookedUpTargets,
               FindingTarget sink) {
}
