package dev.hookline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest {

    @Test
    void aFormFieldAloneOrTheJsonItHolds() {
        Selector.Form plain = (Selector.Form) Selector.parse("form:trigger_id");
        assertEquals("trigger_id", plain.field());
        assertNull(plain.json());

        Selector.Form inner = (Selector.Form) Selector.parse("form:payload|json:/actions/0/action_id");
        assertEquals("payload", inner.field());
        assertEquals("/actions/0/action_id", inner.json().pointer());
        assertEquals(List.of("actions", "0", "action_id"), inner.json().tokens());
    }

    @Test
    void aFormFieldsValueIsReadOnlyAsJson() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Selector.parse("form:payload|header:X-Type"))
                .getMessage().contains("json:<JSON Pointer>"));
        assertThrows(IllegalArgumentException.class, () -> Selector.parse("form:|json:/type"));
        assertThrows(IllegalArgumentException.class, () -> Selector.parse("form:payload|json:type"));
    }
}
