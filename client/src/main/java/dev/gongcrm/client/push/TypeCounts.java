package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;

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
 * @param bytes the bytes of the type's uploads
 * @param uploads how many uploads the type takes
 */
public record TypeCounts(ObjectType type, long objects, long added, long changed, long unchanged, long retried,
                         long resent, long missing, long deleted, long bytes, int uploads) {

    /** The objects sent: new, changed, to retry, resent and deleted. */
    public long toSend() {
        return added + changed + retried + resent + deleted;
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
                    bytes, uploads);
        }
    }
}
