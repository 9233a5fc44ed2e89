package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ValueFormat;

import java.util.Locale;

/** A warning: Gong matches activities to accounts by domain, so {@code https://pbr.com/} matches nothing. */
@RuleDoc(
        name = "domain-format",
        severity = Severity.WARNING,
        summary = "Account domains should be bare domain names (pbr.com), not URLs or email addresses.",
        seed = "domains Domain names related to the account string array",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["https://www.pbr.com/"]}
                """,
        reported = {"accounts.ldjson:1:89 /domains"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com", "pbr.gov"]}
                """)
public final class DomainFormat implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && (spec.format() == ValueFormat.DOMAIN
                || spec.items() != null && spec.items().format() == ValueFormat.DOMAIN);
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() == JsonKind.STRING) {
            check(scope, value.name(), value.text());
        } else if (value.kind() == JsonKind.ARRAY) {
            for (String domain : value.strings()) {
                check(scope, value.name(), domain);
            }
        }
    }

    private void check(RecordScope scope, String field, String domain) {
        if (isDomain(domain)) {
            return;
        }
        String suggestion = suggest(domain);
        scope.report(this, field, "'" + domain + "' in field '" + field + "' is not a domain name"
                + (suggestion != null && isDomain(suggestion) ? "; use '" + suggestion + "'" : ""));
    }

    /** Dot-separated labels of letters, digits and inner hyphens; checked by hand because it runs on every line. */
    static boolean isDomain(String text) {
        if (text.isEmpty() || text.length() > 253 || text.indexOf('.') < 0) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(Characters.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String suggest(String text) {
        String candidate = text.trim().toLowerCase(Locale.ROOT);
        int scheme = candidate.indexOf("://");
        if (scheme >= 0) {
            candidate = candidate.substring(scheme + 3);
        }
        int at = candidate.lastIndexOf('@');
        if (at >= 0) {
            candidate = candidate.substring(at + 1);
        }
        int slash = candidate.indexOf('/');
        if (slash >= 0) {
            candidate = candidate.substring(0, slash);
        }
        return candidate.startsWith("www.") ? candidate.substring(4) : candidate;
    }
}
