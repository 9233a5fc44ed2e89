package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The objects of a bundle by type and key, with where they were last seen and whether they are
 * deleted or inactive: what duplicate detection and reference checks need, and nothing more, so
 * memory grows with the number of distinct ids, not with file size.
 */
final class IdIndex {

    static final int DELETED = 1;
    static final int INACTIVE = 2;

    /** Per type, objectId to (line << 32 | file << 8 | flags). */
    private final Map<ObjectType, HashMap<String, Long>> byObjectId = new EnumMap<>(ObjectType.class);
    /** Per type whose references use another key (stages: internalName), that key to flags. */
    private final Map<ObjectType, HashMap<String, Integer>> byReferenceKey = new EnumMap<>(ObjectType.class);

    void add(ObjectType type, String objectId, String referenceKey, int file, int line, int flags) {
        if (objectId != null) {
            byObjectId.computeIfAbsent(type, t -> new HashMap<>())
                    .put(objectId, ((long) line << 32) | ((long) file << 8) | flags);
        }
        if (referenceKey != null) {
            byReferenceKey.computeIfAbsent(type, t -> new HashMap<>()).put(referenceKey, flags);
        }
    }

    /** The line of an earlier object with this id in the given file, or 0. */
    int lineInFile(ObjectType type, String objectId, int file) {
        Map<String, Long> ids = byObjectId.get(type);
        Long entry = ids == null ? null : ids.get(objectId);
        if (entry == null || (int) ((entry >>> 8) & 0xFFFFFF) != file) {
            return 0;
        }
        return (int) (entry >>> 32);
    }

    /** The flags of the object with this key, or -1 when the bundle has none. */
    int flags(ObjectType type, boolean byObjectIdKey, String key) {
        if (byObjectIdKey) {
            Map<String, Long> ids = byObjectId.get(type);
            Long entry = ids == null ? null : ids.get(key);
            return entry == null ? -1 : (int) (entry & 0xFF);
        }
        Map<String, Integer> keys = byReferenceKey.get(type);
        Integer flags = keys == null ? null : keys.get(key);
        return flags == null ? -1 : flags;
    }
}
