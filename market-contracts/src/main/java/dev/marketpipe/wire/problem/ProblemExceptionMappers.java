package dev.marketpipe.wire.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;

/**
 * Turns every exception that reaches a resource boundary into RFC 7807 problem JSON. Client mistakes keep their
 * 4xx status and get a message a person can act on; anything else is our bug: a 500 whose body says nothing
 * internal, and the stack trace goes to the log only.
 */
public final class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    private ProblemExceptionMappers() {
    }

    /** HTTP errors raised on purpose (404, 409, 503…) and by the framework (405, 406, 415…). */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return badJson(json); // the framework wraps body parse errors; say what was wrong with the JSON
            }
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            if (status.getStatusCode() == 503 || status.getStatusCode() == 507) {
                // a dependency is down, or the disk is full: expected conditions, retried upstream
                LOG.warnf("answered %d: %s", status.getStatusCode(), e.getMessage());
            } else if (status.getStatusCode() >= 500) {
                LOG.errorf(e, "request failed with %d", status.getStatusCode());
            }
            Response.ResponseBuilder problem = Response.fromResponse(Problem.of(status, e.getMessage()).toResponse());
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> problem.header(name, value)); // e.g. Retry-After, WWW-Authenticate, Location
                }
            });
            return problem.build();
        }
    }

    /** Bean Validation failures on request parameters and bodies. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<String> errors = e.getConstraintViolations().stream()
                    .map(ProblemExceptionMappers::describe)
                    .sorted(Comparator.naturalOrder())
                    .toList();
            return new Problem("about:blank", "Bad Request", 400, "the request is not valid", null, errors)
                    .toResponse();
        }
    }

    /** A body that is not JSON. */
    @Provider
    public static class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return badJson(e);
        }
    }

    /** JSON of the wrong shape (registered on its own: it takes precedence over the framework's plain-text mapper). */
    @Provider
    public static class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return badJson(e);
        }
    }

    /** No token, or no valid one (proactive authentication is off, so both reach the resource boundary). */
    @Provider
    public static class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException e) {
            return unauthorized("a bearer token is required (Authorization: Bearer <JWT>)");
        }
    }

    /** A token whose signature, issuer, audience or expiry does not verify. */
    @Provider
    public static class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return unauthorized("the bearer token is not valid here (signature, issuer, audience or expiry)");
        }
    }

    /** A valid token without any of the roles the operation allows. */
    @Provider
    public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return Problem.response(Response.Status.FORBIDDEN, "the token holds none of the roles this operation "
                    + "allows (docs/SECURITY.md)");
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, detail))
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static Response badJson(JsonProcessingException e) {
        String detail;
        if (e instanceof InvalidFormatException invalid) {
            detail = "invalid value '" + invalid.getValue() + "' at " + path(invalid);
        } else if (e instanceof MismatchedInputException mismatch) {
            detail = "unexpected JSON at " + path(mismatch);
        } else {
            detail = "malformed JSON: " + e.getOriginalMessage();
        }
        return Problem.response(Response.Status.BAD_REQUEST, detail);
    }

    /** Our own bugs and unexpected faults: logged with the stack trace, answered without it. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            if (e instanceof IllegalArgumentException) {
                return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
            }
            LOG.error("unexpected error while handling a request", e);
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                    "internal error; the service log has the details");
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder("$");
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().toString();
        int dot = property.indexOf('.');
        // "create.request.symbols" -> "request.symbols": drop the Java method name
        String field = dot >= 0 ? property.substring(dot + 1) : property;
        return field + ": " + violation.getMessage();
    }
}
