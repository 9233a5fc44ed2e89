package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.rules.BundleFileScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.schema.TypeSpec;

/** A file of the bundle as the rules about whole files see it; findings go at line 0, about the file. */
record BundleFileFacts(BundleFile bundleFile, TypeSpec spec, String profileName, FindingTarget sink)
        implements BundleFileScope {

    @Override
    public String file() {
        return bundleFile.name();
    }

    @Override
    public FileKind kind() {
        return bundleFile.kind();
    }

    @Override
    public ObjectType type() {
        return bundleFile.type();
    }

    @Override
    public long size() {
        return bundleFile.size();
    }

    @Override
    public void report(Rule rule, String message, boolean fixable) {
        sink.add(new Raised(rule.meta(), Raised.Place.wholeFile(file()), null, message, fixable));
    }
}
