package dev.gongcrm.validator.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The object that holds a value of a unique field ({@code x-gong-unique}), as a later object with the
 * same value sees it: the first of the bundle to give it, or one Gong holds from an earlier push.
 *
 * @param value the value as that object wrote it
 * @param file the file it is in, as shown in findings; null for an object of an earlier push
 * @param line its line; 0 for an object of an earlier push
 */
public record FirstHolder(String value, String file, int line, String objectId) {

    /** An object Gong holds from an earlier push, as the ledger knows it. */
    public static FirstHolder earlierPush(String value, String objectId) {
        return new FirstHolder(value, null, 0, objectId);
    }

    public boolean isEarlierPush() {
        return file == null;
    }

    /**
     * "on line 3", or "on line 3 of stages-2.ldjson" when the holder is in another file: named by its file
     * name when it sits beside the current file, as the finding's own file is what reports name in full;
     * "sent in an earlier push" for an object Gong holds from before.
     */
    public String where(String currentFile) {
        if (isEarlierPush()) {
            return "sent in an earlier push";
        }
        if (file.equals(currentFile)) {
            return "on line " + line;
        }
        Path holder = Path.of(file);
        boolean beside = Objects.equals(holder.getParent(), Path.of(currentFile).getParent());
        return "on line " + line + " of " + (beside ? holder.getFileName() : file);
    }
}
