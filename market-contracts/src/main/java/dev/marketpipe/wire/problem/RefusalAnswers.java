package dev.marketpipe.wire.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;

/**
 * The 401 and 403 answers of every operation that needs a role, in every service's OpenAPI document: the problem JSON
 * of {@link ProblemExamples}, with its description. Quarkus gives each {@code @RolesAllowed} operation a security
 * requirement (its roles as scopes) and bare "Not Authorized"/"Not Allowed" answers; this filter runs after it, at
 * start-up, so no resource repeats the two answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RefusalAnswers implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return operation;
        }
        operation.getResponses()
                .addAPIResponse("401", answer(ProblemExamples.UNAUTHORIZED_DESCRIPTION, "no token",
                        ProblemExamples.UNAUTHORIZED))
                .addAPIResponse("403", answer(ProblemExamples.FORBIDDEN_DESCRIPTION, "role missing",
                        ProblemExamples.FORBIDDEN));
        return operation;
    }

    private static APIResponse answer(String description, String exampleName, String example) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .addExample(exampleName, OASFactory.createExample().value(parse(example)))));
    }

    private static Map<?, ?> parse(String example) {
        try {
            return JSON.readValue(example, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + example, e);
        }
    }
}
