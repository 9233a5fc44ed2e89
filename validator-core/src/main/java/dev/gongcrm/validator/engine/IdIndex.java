package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.IndexSize;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.read.FieldValue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a bundle by type and key, with where they were last seen and whether they are
 * deleted or inactive: what duplicate detection and reference checks need, and nothing more, so
 * memory grows with the number of distinct ids, not with file size.
 */
final class IdIndex implements AutoCloseable {

    static final int DELETED = 1;
    static final int INACTIVE = 2;
    static final int ABSENT = -1;
    private static final int EARLIER_UPLOADS = 0xFFFFFF;

    /** Per type, objectId to (line << 32 | file << 8 | flags). */
    private final Map<ObjectType, IdMap> byObjectId = new EnumMap<>(ObjectType.class);
    /** Per type whose references use another key (stages: internalName), that key to its flags. */
    private final Map<ObjectType, IdMap> byReferenceKey = new EnumMap<>(ObjectType.class);

    private final Path spillFolder;
    private final HeapAllowance allowance;

    /** Keeping the ids the allowance leaves no room for on the heap in temporary files in that folder. */
    IdIndex(Path spillFolder, HeapAllowance allowance) {
        this.spillFolder = spillFolder;
        this.allowance = allowance;
    }

    /** The map a reference to this type is resolved in: by objectId, or by the type's own key. */
    IdMap keysOf(ObjectType type, boolean byObjectIdKey) {
        return (byObjectIdKey ? byObjectId : byReferenceKey).computeIfAbsent(type, t -> new IdMap(spillFolder, allowance));
    }

    /** How many keys the index holds and what they cost, for a user sizing a runner. */
    IndexSize size() {
        long keys = 0;
        long heap = 0;
        long file = 0;
        for (Map<ObjectType, IdMap> maps : List.of(byObjectId, byReferenceKey)) {
            for (IdMap map : maps.values()) {
                keys += map.size();
                heap += map.heapBytes();
                file += map.fileBytes();
            }
        }
        return new IndexSize(keys, heap, file);
    }

    @Override
    public void close() throws IOException {
        List<IdMap> maps = new java.util.ArrayList<>(byObjectId.values());
        maps.addAll(byReferenceKey.values());
        Closing.all(maps);
    }

    /**
     * Records an object and returns the line where the same objectId appeared earlier in the same
     * file, or 0.
     */
    int add(ObjectType type, String objectId, String referenceKey, int file, int line, int flags) {
        int earlierLine = 0;
        if (objectId != null) {
            long previous = keysOf(type, true).put(objectId, ((long) line << 32) | ((long) file << 8) | flags);
            if (previous != IdMap.ABSENT && (int) ((previous >>> 8) & 0xFFFFFF) == file) {
                earlierLine = (int) (previous >>> 32);
            }
        }
        if (referenceKey != null) {
            keysOf(type, false).put(referenceKey, flags);
        }
        return earlierLine;
    }

    /**
     * Records an object Gong holds from an earlier upload, under a file ordinal no bundle file has, so
     * that the same objectId in the bundle is an update, not a duplicate.
     */
    void addKnown(ObjectType type, String objectId, String referenceKey, int flags) {
        add(type, objectId, referenceKey, EARLIER_UPLOADS, 0, flags);
    }

    /** Whether a file of the bundle has an object of this type and objectId (not only an earlier upload). */
    boolean sentInBundle(ObjectType type, String objectId) {
        long entry = keysOf(type, true).get(objectId);
        return entry != IdMap.ABSENT && (int) ((entry >>> 8) & 0xFFFFFF) != EARLIER_UPLOADS;
    }

    /** The flags of the object with this key in that map, or {@link #ABSENT}. */
    static int flags(IdMap keys, String key) {
        return flagsOf(keys.get(key));
    }

    /** The flags of the object whose key is this value, read where it lies in its line when it can be. */
    static int flags(IdMap keys, FieldValue key) {
        byte[] line = key.asciiLine();
        return flagsOf(line != null ? keys.get(line, key.asciiFrom(), key.asciiLength()) : keys.get(key.text()));
    }

    private static int flagsOf(long entry) {
        return entry == IdMap.ABSENT ? ABSENT : (int) (entry & 0xFF);
    }
}
