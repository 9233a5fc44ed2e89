package dev.gongcrm.validator.rules;

/**
 * The first object of a bundle that gave a unique field ({@code x-gong-unique}) a value, as a later
 * object with the same value sees it.
 *
 * @param value the value as that object wrote it
 * @param file the file it is in, as shown in findings
 */
public record FirstHolder(String value, String file, int line, String objectId) {

    /** "line 3", or "line 3 of stages-2.ldjson" when the holder is in another file. */
    public String where(String currentFile) {
        return "line " + line + (file.equals(currentFile) ? "" : " of " + file);
    }
}
