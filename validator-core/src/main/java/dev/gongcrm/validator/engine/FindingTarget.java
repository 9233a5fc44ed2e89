package dev.gongcrm.validator.engine;

/** Where a finding goes: the run's sink, or a batch collecting the findings of its lines. */
interface FindingTarget {
    void add(Raised finding);
}
