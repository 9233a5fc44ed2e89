package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.JsonKind;

/**
 * isOpen says Open or Closed, isWon says Won or Lost: a deal cannot be both open and won. The current
 * API's {@code status} (WON, LOST or OPEN) replaces both; a deal that still sends them next to a status
 * must not contradict it, or it is unclear which one Gong keeps.
 */
@RuleDoc(
        name = "inconsistent-deal-status",
        severity = Severity.WARNING,
        summary = "A deal cannot be open and won at once (isOpen: true with isWon: true), and isOpen/isWon must "
                + "agree with status when both are sent (current profile).",
        seed = "isOpen Indicates if the Deal's status is Open or Closed; isWon Indicates if the Deal's status is Won or Lost "
                + "(current: status The deal status. Possible values are: WON, LOST, OPEN)",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": true, "stage": "discovery", "amount": 7000}
                """,
        reported = {"deals.ldjson:1:218 /isWon"},
        good = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": false, "isWon": true, "stage": "won", "amount": 7000}
                """)
public final class InconsistentDealStatus implements Rule {

    @Override
    public void checkRecord(RecordScope scope) {
        if (scope.type() != ObjectType.DEAL) {
            return;
        }
        CrmRecord deal = scope.record();
        if (deal.isTrue("isOpen") && deal.isTrue("isWon")) {
            scope.report(this, "isWon", "deal is both open (isOpen: true) and won (isWon: true); "
                    + "a won deal is closed: set isOpen to false, or isWon to false while it is open");
            return;
        }
        String status = deal.string("status");
        if (status == null || !(status.equals("OPEN") || status.equals("WON") || status.equals("LOST"))) {
            return; // no status, or one picklist-value reports
        }
        String contradiction = contradicts(deal.get("isOpen"), status.equals("OPEN")) ? "isOpen"
                : contradicts(deal.get("isWon"), status.equals("WON")) ? "isWon" : null;
        if (contradiction != null) {
            scope.report(this, contradiction, "deal has status " + status + " but " + contradiction + ": "
                    + deal.get(contradiction).bool() + "; status replaces isOpen and isWon: drop them");
        }
    }

    private static boolean contradicts(FieldValue flag, boolean expected) {
        return flag != null && flag.kind() == JsonKind.BOOLEAN && flag.bool() != expected;
    }
}
