package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ValueFormat;


/** A warning: the docs' own examples use {@code crm.com/accounts/...}, which is not the qualified URL their table asks for. */
@RuleDoc(
        name = "url-format",
        severity = Severity.WARNING,
        summary = "url must be a full http(s) URL, scheme and host included.",
        seed = "url A full http URL to browse this object in the CRM string (Qualified URI)",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "url": "crm.com/accounts/5ybyh6n6n65", "name": "PBR", "domains": ["pbr.com"]}
                """,
        reported = {"accounts.ldjson:1:74 /url"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "url": "https://crm.com/accounts/5ybyh6n6n65", "name": "PBR", "domains": ["pbr.com"]}
                """)
public final class UrlFormat implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && spec.format() == ValueFormat.URL;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() != JsonKind.STRING || value.isEmpty() || isQualifiedUrl(value.chars())) {
            return;
        }
        String hint = value.text().contains("://") ? "" : ": add the scheme, e.g. 'https://" + value.text() + "'";
        scope.report(this, value.name(), "field '" + value.name() + "' is " + value.display()
                + ", not a full http(s) URL" + hint);
    }

    /** http(s)://host[:port][/...] with no white space; checked by hand because it runs on every line. */
    static boolean isQualifiedUrl(CharSequence text) {
        int hostStart;
        if (startsWithIgnoreCase(text, "https://")) {
            hostStart = 8;
        } else if (startsWithIgnoreCase(text, "http://")) {
            hostStart = 7;
        } else {
            return false;
        }
        int length = text.length();
        int hostEnd = hostStart;
        while (hostEnd < length) {
            char c = text.charAt(hostEnd);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                break;
            }
            if (!(Characters.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '@' || c == '%')) {
                return false;
            }
            hostEnd++;
        }
        if (hostEnd == hostStart) {
            return false;
        }
        for (int i = hostEnd; i < length; i++) {
            if (Characters.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(CharSequence text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
