package dev.marketpipe.testsupport;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checks every stage's API boundary passes (docs/SECURITY.md): a {@code @QuarkusTest} of the service extends this
 * with its table of roles per operation.
 */
public abstract class ApiBoundaryChecks {

    /** {@code "METHOD /path"} → the roles allowed, for every operation of the service's OpenAPI document. */
    protected abstract Map<String, Set<String>> roles();

    @Test
    void everyOperationAsksForItsRolesAndNoOther() {
        assertEquals(roles().size(), RoleMatrix.verify(roles()).operations());
    }

    @Test
    void noInputAClientCanGetWrongIsAnsweredWithAServerErrorOrAStackTrace() {
        assertEquals(roles().size(), ApiFuzz.walk().operations());
    }
}
