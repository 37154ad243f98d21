package dev.marketpipe.console.page;

import dev.marketpipe.console.alerts.FiringAlerts;
import dev.marketpipe.console.stage.StageProbes;
import dev.marketpipe.console.stage.StageView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code /}: the pipeline now — each stage's instances with readiness, liveness, every check's data (backlogs, the
 * oldest waiting batch, the provider) and headline metrics, and the alerts firing. Needs no sign-in: it reads only
 * the management ports and Alertmanager.
 */
@Path("/")
@PermitAll
public class NowPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance now(Chrome chrome, List<StageView> stages, FiringAlerts.Answer alerts);
    }

    private final Pages pages;
    private final StageProbes probes;
    private final FiringAlerts alerts;

    public NowPage(Pages pages, StageProbes probes, FiringAlerts alerts) {
        this.pages = pages;
        this.probes = probes;
        this.alerts = alerts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance now(@CookieParam(dev.marketpipe.console.signin.SignIns.COOKIE) String token,
            @QueryParam("notice") String notice, @QueryParam("error") String error) {
        return Templates.now(pages.chrome("now", pages.person(token), notice, error), probes.all(), alerts.now());
    }
}
