package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Thousands;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.rules.BundleFileScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/**
 * Gong refuses a request body over 200 MB, so such a file
 * must be split. Its content is still checked. The limit is read as 200 MiB (209,715,200 bytes).
 */
@RuleDoc(
        name = "payload-too-large",
        severity = Severity.ERROR,
        fix = "Splits the file at line boundaries into parts under 200 MB, in order, named like deals.part-001.ldjson.",
        summary = "An entity file must not exceed 200 MB (209,715,200 bytes); split it into several uploads.",
        seed = "Maximum payload size: 200 megabytes",
        bad = "",
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                """)
public final class PayloadTooLarge implements Rule {

    public static final long MAX_BYTES = 200L * 1024 * 1024;

    @Override
    public void checkBundleFile(BundleFileScope file) {
        if (file.kind() != FileKind.SCHEMA && file.size() > MAX_BYTES) {
            file.report(this, "file is " + Thousands.grouped(file.size()) + " bytes, over the 200 MB ("
                    + Thousands.grouped(MAX_BYTES) + " bytes) Gong accepts in one upload; split it", true);
        }
    }
}
