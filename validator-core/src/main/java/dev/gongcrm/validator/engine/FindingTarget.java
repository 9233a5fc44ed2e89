package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.Rule;

/** Where a finding goes: the run's sink, or a batch collecting the findings of its lines. */
interface FindingTarget {
    void add(Class<? extends Rule> rule, String file, int line, int column, String objectId, String field,
             String message);
}
