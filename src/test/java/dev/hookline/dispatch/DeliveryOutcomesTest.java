package dev.hookline.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryOutcomesTest {

    @Test
    void plainValuesStayBareOthersAreQuotedAndEscaped() {
        StringBuilder line = new StringBuilder();
        DeliveryOutcomes.field(line, "type", "invoice.paid");
        DeliveryOutcomes.field(line, "delivery_id", "a b\"c\nd=e");
        DeliveryOutcomes.field(line, "empty", "");
        assertEquals("type=invoice.paid delivery_id=\"a b\\\"c\\u000ad=e\" empty=\"\"", line.toString());
    }
}
