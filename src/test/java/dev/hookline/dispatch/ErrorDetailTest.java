package dev.hookline.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorDetailTest {

    private static final Exception FAILURE = new IllegalStateException("wrapped",
            new SQLException("jdbc:postgresql://db.internal/payments?user=app&password=hunter2 refused"));

    @Test
    void byDefaultOnlyTheInnermostCausesClassIsKept() {
        assertEquals(ErrorDetail.CLASS, ErrorDetail.of(null));
        assertEquals("java.sql.SQLException", ErrorDetail.CLASS.describe(FAILURE));
    }

    @Test
    void theMessageIsKeptOnlyWhenAskedAndThenBounded() {
        assertEquals(ErrorDetail.MESSAGE, ErrorDetail.of(" Message "));
        assertTrue(ErrorDetail.MESSAGE.describe(FAILURE).startsWith("java.sql.SQLException: jdbc:postgresql://"));
        String longest = ErrorDetail.MESSAGE.describe(new IllegalStateException("x".repeat(100_000)));
        assertEquals(IllegalStateException.class.getName().length() + 2 + ErrorDetail.MAX_MESSAGE + 1,
                longest.length());
    }

    @Test
    void anotherValueStopsTheDeploymentNamingTheKey() {
        InvalidDispatchConfiguration refused = assertThrows(InvalidDispatchConfiguration.class,
                () -> ErrorDetail.of("stacktrace"));
        assertTrue(refused.getMessage().startsWith("hookline.dispatch.error-detail"), refused.getMessage());
    }
}
