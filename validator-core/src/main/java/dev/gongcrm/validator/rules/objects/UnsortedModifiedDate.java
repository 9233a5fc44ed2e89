package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.FileScope;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SequenceScope;
import dev.gongcrm.validator.time.IsoDates;

/**
 * Compares instants, not strings: {@code 2019-01-03T23:45:57+01:00} and {@code 2019-01-03T22:45:57Z}
 * are the same moment. Each line is compared with the last line that had a valid modifiedDate.
 */
@GongWording("The list is not sorted by modifiedDate ascending")
@RuleDoc(
        name = "unsorted-modified-date",
        severity = Severity.ERROR,
        fix = "Sorts the lines by the instant of modifiedDate (stable; lines without a valid modifiedDate go last), for files of any size.",
        summary = "Lines must be sorted by modifiedDate ascending (compared as instants, offsets considered).",
        seed = "Important: The list must be sorted by modifiedDate Ascending.",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-04T08:00:00Z", "name": "PBR", "domains": ["pbr.com"]}
                {"objectId": "gfjhty756th", "modifiedDate": "2019-01-04T08:30:00+01:00", "name": "PBR Labs", "domains": ["pbrlabs.com"]}
                """,
        reported = {"accounts.ldjson:2:29 /modifiedDate"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                {"objectId": "gfjhty756th", "modifiedDate": "2019-01-03T22:45:57Z", "name": "PBR Labs", "domains": ["pbrlabs.com"]}
                """)
public final class UnsortedModifiedDate implements Rule {

    private long previous;
    private int previousLine;
    private String previousText;

    @Override
    public void startFile(FileScope file) {
        previous = IsoDates.INVALID;
        previousLine = 0;
        previousText = null;
    }

    @Override
    public void checkSequence(SequenceScope scope) {
        long instant = scope.modifiedInstant();
        if (instant == IsoDates.INVALID) {
            return;
        }
        if (instant < previous) {
            scope.report(this, "modifiedDate", "modifiedDate " + scope.modifiedDate() + " is earlier than "
                    + previousText + " on line " + previousLine
                    + "; the list must be sorted by modifiedDate ascending: sort the lines by modifiedDate", true);
        }
        previous = instant;
        previousLine = scope.line();
        previousText = scope.modifiedDate();
    }
}
