package dev.gongcrm.cli;

import dev.gongcrm.client.push.Sizes;
import dev.gongcrm.client.verify.Verification;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.report.ReportFormat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@code verify} and {@code push --verify} show a read-back: its findings in every requested
 * report format, as validation's, then per type what was checked and skipped and the calls it took.
 */
final class VerificationReport {

    private VerificationReport() {
    }

    /**
     * Writes the findings as {@code reports} ask, then the counts: on {@code out}, unless a machine-read
     * format takes standard output (then on {@code err}, so that the report stays one document).
     *
     * @return the exit code: {@link GongCrm#FINDINGS} when a finding reaches --fail-on, else 0
     */
    static int print(Verification verification, ValidationOptions options, Map<ReportFormat, Path> reports,
                     PrintWriter out, PrintWriter err) throws IOException {
        options.write(reports, verification.result(), out);
        boolean documentOnStdout = reports.entrySet().stream()
                .anyMatch(report -> report.getValue() == null && report.getKey() != ReportFormat.TEXT);
        if (!options.quiet) {
            PrintWriter counts = documentOnStdout ? err : out;
            lines(verification).forEach(counts::println);
            counts.flush();
        }
        return options.exitCode(verification.result());
    }

    /** One line per type, one for the types the read endpoint does not serve, one for the calls. */
    static List<String> lines(Verification verification) {
        List<String> lines = new ArrayList<>();
        for (Verification.TypeCheck type : verification.types()) {
            lines.add(line(type));
        }
        if (!verification.unreadable().isEmpty()) {
            lines.add(verification.unreadable().stream().map(ObjectType::name).collect(Collectors.joining(" and "))
                    + (verification.unreadable().size() == 1 ? " is" : " are") + " not verified: Gong's read "
                    + "endpoint serves ACCOUNT, CONTACT, DEAL and LEAD only.");
        }
        lines.add(Sizes.count(verification.calls(), "call") + " to Gong's read endpoint in all (one per type; Gong's "
                + "docs call it a development-phase tool).");
        return lines;
    }

    private static String line(Verification.TypeCheck type) {
        if (type.stored() == 0) {
            return "The ledger has no stored " + type.type() + " objects: nothing to verify.";
        }
        StringBuilder line = new StringBuilder("Verified " + Sizes.number(type.checked()) + " of "
                + Sizes.number(type.stored()) + " stored " + type.type() + (type.stored() == 1 ? " object" : " objects")
                + " against Gong (" + Sizes.count(type.calls(), "call") + "): "
                + (type.differing() == 1 ? "1 difference" : Sizes.number(type.differing()) + " differences"));
        if (type.missing() > 0) {
            line.append(", ").append(Sizes.number(type.missing())).append(" missing");
        }
        List<String> skipped = new ArrayList<>();
        if (type.changed() > 0) {
            skipped.add(Sizes.number(type.changed()) + " changed in the bundle since the push (push them first)");
        }
        if (type.notInBundle() > 0) {
            skipped.add(Sizes.number(type.notInBundle()) + " not in this bundle");
        }
        if (type.unrecorded() > 0) {
            skipped.add(Sizes.number(type.unrecorded()) + " whose value an older gongcrm's ledger did not record "
                    + "(the next push records it)");
        }
        if (!skipped.isEmpty()) {
            line.append("; not verified of the ").append(Sizes.number(type.sampled())).append(" sampled: ")
                    .append(String.join(", ", skipped));
        }
        return line.append('.').toString();
    }
}
