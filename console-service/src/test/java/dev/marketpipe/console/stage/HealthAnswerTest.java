package dev.marketpipe.console.stage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A SmallRye Health answer as the Now page shows it. */
class HealthAnswerTest {

    @Test
    void anUpAnswerIsUpWithItsChecksAndTheirData() {
        HealthAnswer answer = HealthAnswer.parse(200, """
                {"status":"UP","checks":[
                  {"name":"database","status":"UP","data":{"pool":"default","active":3}},
                  {"name":"spool","status":"UP"}]}
                """);

        assertTrue(answer.up());
        assertEquals("up", answer.badge());
        assertNull(answer.problem());
        assertEquals(List.of(new HealthAnswer.Check("database", "UP", List.of("pool: default", "active: 3")),
                new HealthAnswer.Check("spool", "UP", List.of())), answer.checks());
    }

    @Test
    void aDown503AnswerIsDownWithTheFailingCheckAndItsData() {
        HealthAnswer answer = HealthAnswer.parse(503, """
                {"status":"DOWN","checks":[{"name":"outbox-backlog","status":"DOWN",
                  "data":{"backlog":1234,"oldestAgeSeconds":900,"reason":"is the validator down or refusing?"}}]}
                """);

        assertFalse(answer.up());
        assertEquals("DOWN", answer.status());
        assertEquals("down", answer.badge());
        HealthAnswer.Check check = answer.checks().get(0);
        assertEquals("outbox-backlog", check.name());
        assertFalse(check.up());
        assertEquals("down", check.badge());
        assertEquals(List.of("backlog: 1234", "oldestAgeSeconds: 900", "reason: is the validator down or refusing?"),
                check.data());
    }

    @Test
    void anAnswerThatIsNoHealthReportCountsAsUnreachable() {
        for (String body : List.of("<html>Bad Gateway</html>", "{\"message\":\"hello\"}", "", "[1,2]")) {
            HealthAnswer answer = HealthAnswer.parse(502, body);

            assertEquals("UNREACHABLE", answer.status(), body);
            assertEquals("unreachable", answer.badge(), body);
            assertEquals(List.of(), answer.checks(), body);
            assertEquals("answered 502 without a health report", answer.problem(), body);
        }
    }

    @Test
    void anInstanceIsDownWhenItAnswersButIsNotReadyAndUnreachableWhenItDoesNotAnswer() {
        HealthAnswer up = HealthAnswer.parse(200, "{\"status\":\"UP\",\"checks\":[]}");
        HealthAnswer down = HealthAnswer.parse(503, "{\"status\":\"DOWN\",\"checks\":[]}");
        HealthAnswer silent = HealthAnswer.unreachable("ConnectException: Connection refused");

        assertEquals("up", new InstanceView("http://a", up, up, List.of()).state());
        assertEquals("down", new InstanceView("http://a", down, up, List.of()).state());
        assertEquals("unreachable", new InstanceView("http://a", silent, silent, List.of()).state());
    }
}
