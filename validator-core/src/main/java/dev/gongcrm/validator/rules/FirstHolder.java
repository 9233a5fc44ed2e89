package dev.gongcrm.validator.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The first object of a bundle that gave a unique field ({@code x-gong-unique}) a value, as a later
 * object with the same value sees it.
 *
 * @param value the value as that object wrote it
 * @param file the file it is in, as shown in findings
 */
public record FirstHolder(String value, String file, int line, String objectId) {

    /**
     * "line 3", or "line 3 of stages-2.ldjson" when the holder is in another file: named by its file name
     * when it sits beside the current file, as the finding's own file is what reports name in full.
     */
    public String where(String currentFile) {
        if (file.equals(currentFile)) {
            return "line " + line;
        }
        Path holder = Path.of(file);
        boolean beside = Objects.equals(holder.getParent(), Path.of(currentFile).getParent());
        return "line " + line + " of " + (beside ? holder.getFileName() : file);
    }
}
