package dev.gongcrm.cli;

import dev.gongcrm.client.push.Ledger;

import java.util.List;
import java.util.Optional;

/** Which integration's uploads a ledger is read for, when the command does not ask Gong. */
final class LedgerIntegrations {

    private LedgerIntegrations() {
    }

    static long pick(Ledger ledger, Long named) {
        Optional<Long> integration = ledger.integrationOrOnly(named);
        if (integration.isPresent()) {
            return integration.get();
        }
        List<Long> known = ledger.integrations();
        if (known.isEmpty()) {
            throw new IllegalArgumentException("ledger " + ledger.location().describe() + " records no push yet; name the "
                    + "integration with --integration or GONG_INTEGRATION_ID");
        }
        throw new IllegalArgumentException("ledger " + ledger.location().describe() + " records pushes to integrations " + known
                + "; pick one with --integration or GONG_INTEGRATION_ID");
    }
}
