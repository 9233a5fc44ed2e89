package dev.gongcrm.client.verify;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a read-back found: the differences and missing objects as findings, and per type what was
 * sampled, checked and skipped, and the calls it took.
 *
 * @param findings {@link Verifier#VERIFY_MISMATCH} and {@link Verifier#VERIFY_MISSING}, by file, line and column
 * @param types per type of the bundle that Gong's read endpoint serves, in the order of {@link ObjectType}
 * @param unreadable the bundle's types the read endpoint does not serve (STAGE, BUSINESS_USER): not verified
 * @param files the files that were read, as the bundle names them
 */
public record Verification(List<Finding> findings, List<TypeCheck> types, List<ObjectType> unreadable,
                           List<String> files) {

    public Verification {
        findings = List.copyOf(findings);
        types = List.copyOf(types);
        unreadable = List.copyOf(unreadable);
        files = List.copyOf(files);
    }

    /**
     * One type's read-back.
     *
     * @param stored the objects of the type Gong holds according to the ledger
     * @param sampled the most recently modified of them that were taken (at most the sample size)
     * @param checked those the bundle has as sent, read from Gong and compared
     * @param differing those Gong holds with another value in at least one field
     * @param missing those Gong does not have
     * @param changed those the bundle has with another value than was sent (edited since the push): not checked
     * @param notInBundle those the bundle's files of the type do not have: not checked
     * @param unrecorded those whose value the ledger does not know (recorded by an older gongcrm): not checked
     * @param calls the read calls made
     */
    public record TypeCheck(ObjectType type, long stored, int sampled, int checked, int differing, int missing,
                            int changed, int notInBundle, int unrecorded, int calls) {
    }

    /** Whether Gong holds every object checked as it was sent. */
    public boolean matches() {
        return findings.isEmpty();
    }

    /** The read calls made, over all types. */
    public int calls() {
        return types.stream().mapToInt(TypeCheck::calls).sum();
    }

    /** The objects read back and compared, over all types. */
    public long checked() {
        return types.stream().mapToLong(TypeCheck::checked).sum();
    }

    /** The findings as a result the report writers print like validation's (every format, one exit rule). */
    public ValidationResult result() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        findings.forEach(finding -> counts.merge(finding.severity(), 1L, Long::sum));
        return new ValidationResult(findings, counts, files, checked());
    }
}
