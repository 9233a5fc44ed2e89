package dev.gongcrm.validator.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstHolderTest {

    @Test
    void theHolderIsNamedAsBrieflyAsTheFindingAllows() {
        FirstHolder holder = new FirstHolder("negotiation", "/work/app/src/main/gongcrm/stages.ldjson", 3, "s1");
        assertEquals("on line 3", holder.where("/work/app/src/main/gongcrm/stages.ldjson"));
        assertEquals("on line 3 of stages.ldjson", holder.where("/work/app/src/main/gongcrm/stages-2.ldjson"),
                "beside the finding's file: its name is enough, whatever the report's base directory");
        assertEquals("on line 3 of /work/app/src/main/gongcrm/stages.ldjson", holder.where("/work/other/stages.ldjson"));
        assertEquals("sent in an earlier push", FirstHolder.earlierPush("negotiation", "s1")
                .where("/work/app/src/main/gongcrm/stages.ldjson"));
    }
}
