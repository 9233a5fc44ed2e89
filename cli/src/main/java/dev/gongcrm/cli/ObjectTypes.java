package dev.gongcrm.cli;

import dev.gongcrm.validator.ObjectType;
import picocli.CommandLine;

/** An object type as a user writes it: DEAL, deal, deals, business-user. */
final class ObjectTypes implements CommandLine.ITypeConverter<ObjectType> {

    @Override
    public ObjectType convert(String value) {
        try {
            return ObjectType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
