package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static dev.gongcrm.validator.Thousands.grouped;

/**
 * What a push does with one type's objects, before it sends them.
 *
 * @param objects the objects of the bundle's files of the type
 * @param added those the ledger has never seen sent
 * @param changed those whose value differs from the one last sent
 * @param unchanged those Gong stored with this very value: not sent (unless the file is sent whole)
 * @param retried those sent before with this value that Gong failed or may not have taken
 * @param resent unchanged ones sent anyway, as --full asks
 * @param missing the objects Gong holds, by the ledger, that the type's files no longer have
 * @param deleted the missing ones sent with isDeleted (--delete-missing)
 * @param undeletable the missing ones --delete-missing cannot delete: the ledger recorded them before it
 *     kept the fields a deletion must carry (ledger version 4), and Gong rejects a deletion without them
 * @param bytes the bytes of the type's uploads
 * @param uploads how many uploads the type takes
 */
public record TypeCounts(ObjectType type, long objects, long added, long changed, long unchanged, long retried,
                         long resent, long missing, long deleted, long undeletable, long bytes,
                         int uploads) {

    /** The objects sent: new, changed, to retry, resent and deleted. */
    public long toSend() {
        return added + changed + retried + resent + deleted;
    }

    /**
     * The counts as a table with a header, then a line per type that has objects in Gong the bundle no
     * longer has, naming {@code deleteOption} (how the front asks to delete them, followed by the type:
     * {@code "--delete-missing "}).
     */
    public static List<String> describe(Collection<TypeCounts> counts, String deleteOption) {
        List<String> lines = new ArrayList<>();
        if (counts.isEmpty()) {
            return lines;
        }
        String format = "  %-13s %9s %9s %9s %9s %9s %9s %9s %10s %7s";
        lines.add(String.format(Locale.ROOT, format, "TYPE", "OBJECTS", "NEW", "CHANGED", "UNCHANGED", "RETRY",
                "MISSING", "DELETE", "SEND", "UPLOADS"));
        for (TypeCounts type : counts) {
            lines.add(String.format(Locale.ROOT, format, type.type(), grouped(type.objects()), grouped(type.added()),
                    grouped(type.changed() + type.resent()), grouped(type.unchanged()), grouped(type.retried()),
                    grouped(type.missing()), grouped(type.deleted()), bytes(type.bytes()), type.uploads()));
        }
        for (TypeCounts type : counts) {
            long kept = type.missing() - type.deleted() - type.undeletable();
            if (kept > 0) {
                lines.add(grouped(kept) + " " + noun(type, kept) + (kept == 1 ? " is" : " are") + " in Gong but not in "
                        + "this export (" + deleteOption + type.type() + " sends them with isDeleted)");
            }
            if (type.undeletable() > 0) {
                lines.add(grouped(type.undeletable()) + " " + noun(type, type.undeletable()) + (type.undeletable() == 1
                        ? " is" : " are") + " in Gong but not in this export, and not deleted: the ledger recorded "
                        + "them before it kept the fields a deletion must carry; send each with isDeleted: true and "
                        + "those fields in a file of your own");
            }
        }
        return lines;
    }

    private static String noun(TypeCounts type, long count) {
        return type.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (count == 1 ? "" : "s");
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static final class Tally {
        long objects;
        long added;
        long changed;
        long unchanged;
        long retried;
        long resent;
        long missing;
        long deleted;
        long undeletable;
        long bytes;
        int uploads;

        void count(ObjectIndex.Decision decision) {
            objects++;
            switch (decision) {
                case NEW -> added++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
                case RETRY -> retried++;
            }
        }

        TypeCounts counts(ObjectType type) {
            return new TypeCounts(type, objects, added, changed, unchanged - resent, retried, resent, missing, deleted,
                    undeletable, bytes, uploads);
        }
    }
}
