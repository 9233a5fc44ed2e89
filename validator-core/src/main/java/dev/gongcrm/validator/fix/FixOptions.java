package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.rules.syntax.PayloadTooLarge;
import dev.gongcrm.validator.schema.ProfileSchemas;

import java.time.ZoneId;
import java.util.Map;

/**
 * What a fix run may do.
 *
 * @param assumeZone the zone of datetimes written without one, or null to leave them for the user
 * @param keepLatest of several versions of one objectId in a file, keep only the latest modifiedDate
 * @param initial an initial upload: deleted objects are dropped
 * @param typeOverrides what the files of each name are, as {@link dev.gongcrm.validator.bundle.BundleScanner} takes them
 * @param sortMemoryBytes files up to this size are sorted in memory, larger ones by an external merge sort
 * @param maxPartBytes files over this size are split into parts at line boundaries
 */
public record FixOptions(String profile, ZoneId assumeZone, boolean keepLatest, boolean initial,
                         Map<String, TypeOverride> typeOverrides, long sortMemoryBytes, long maxPartBytes) {

    /** An eighth of the heap: the lines of a sorted chunk take about twice their UTF-8 size as Java strings. */
    public static final long DEFAULT_SORT_MEMORY_BYTES = Runtime.getRuntime().maxMemory() / 8;

    public FixOptions {
        typeOverrides = Map.copyOf(typeOverrides);
    }

    /** The defaults: legacy profile, nothing assumed, Gong's 200 MB limit. */
    public static FixOptions defaults() {
        return new FixOptions(ProfileSchemas.DEFAULT_PROFILE, null, false, false, Map.of(),
                DEFAULT_SORT_MEMORY_BYTES, PayloadTooLarge.MAX_BYTES);
    }

    public FixOptions withAssumeZone(ZoneId zone) {
        return new FixOptions(profile, zone, keepLatest, initial, typeOverrides, sortMemoryBytes, maxPartBytes);
    }

    public FixOptions withKeepLatest(boolean keep) {
        return new FixOptions(profile, assumeZone, keep, initial, typeOverrides, sortMemoryBytes, maxPartBytes);
    }

    public FixOptions withInitial(boolean initialUpload) {
        return new FixOptions(profile, assumeZone, keepLatest, initialUpload, typeOverrides, sortMemoryBytes,
                maxPartBytes);
    }

    public FixOptions withProfile(String name) {
        return new FixOptions(name, assumeZone, keepLatest, initial, typeOverrides, sortMemoryBytes, maxPartBytes);
    }

    public FixOptions withTypeOverrides(Map<String, TypeOverride> overrides) {
        return new FixOptions(profile, assumeZone, keepLatest, initial, overrides, sortMemoryBytes, maxPartBytes);
    }

    public FixOptions withLimits(long sortMemory, long maxPart) {
        return new FixOptions(profile, assumeZone, keepLatest, initial, typeOverrides, sortMemory, maxPart);
    }
}
