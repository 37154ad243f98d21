package dev.marketpipe.console.page;

import dev.marketpipe.console.client.ArchiveRestClient;
import dev.marketpipe.console.client.CollectorRestClient;
import dev.marketpipe.console.client.JobRequest;
import dev.marketpipe.console.client.ReplayRequest;
import dev.marketpipe.console.client.StageError;
import dev.marketpipe.console.config.ConsoleConfig;
import dev.marketpipe.console.signin.Person;
import dev.marketpipe.console.signin.SignIns;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /jobs}: the collector's backfills and gap-fills and the archive's replays with their progress, forms to start a backfill, a gap-fill
 * or a replay of the archive, and a page per job that refreshes itself while it runs. Every call carries the signed-in
 * person's token: the collector and the archive let operators do this.
 */
@Path("/jobs")
@PermitAll
public class JobsPage {

    private static final int LISTED = 25;
    private static final List<String> COLLECTOR_KINDS = List.of("backfills", "gapfills");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(Chrome chrome, List<JobView> jobs, String listError, boolean refresh,
                int refreshSeconds);

        static native TemplateInstance job(Chrome chrome, JobView job, int refreshSeconds);
    }

    private final Pages pages;
    private final CollectorRestClient collector;
    private final ArchiveRestClient archive;
    private final ConsoleConfig config;

    public JobsPage(Pages pages, @RestClient CollectorRestClient collector, @RestClient ArchiveRestClient archive,
            ConsoleConfig config) {
        this.pages = pages;
        this.collector = collector;
        this.archive = archive;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@CookieParam(SignIns.COOKIE) String token, @QueryParam("notice") String notice,
            @QueryParam("error") String error) {
        Person person = pages.require(token);
        List<JobView> jobs = new ArrayList<>();
        String listError = null;
        List<String> errors = new ArrayList<>();
        for (String kind : COLLECTOR_KINDS) {
            try {
                StageError.call("collector", () -> collector.list(person.authorization(), kind, LISTED))
                        .forEach(job -> jobs.add(JobView.of(kind, job)));
            } catch (StageError e) {
                errors.add(e.getMessage());
            }
        }
        try {
            StageError.call("archive", () -> archive.list(person.authorization(), LISTED))
                    .forEach(replay -> jobs.add(JobView.of(replay)));
        } catch (StageError e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            listError = String.join("; ", errors.stream().distinct().toList());
        }
        jobs.sort(Comparator.comparing(JobView::started, Comparator.nullsLast(Comparator.reverseOrder())));
        boolean refresh = jobs.stream().anyMatch(JobView::running);
        return Response.ok(Templates.jobs(pages.chrome("jobs", person, notice, error), jobs, listError, refresh,
                config.refreshSeconds())).build();
    }

    @GET
    @Path("/{kind}/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response job(@CookieParam(SignIns.COOKIE) String token, @PathParam("kind") String kind,
            @PathParam("id") String id, @QueryParam("notice") String notice) {
        Person person = pages.require(token);
        try {
            JobView job = find(person, kind, id);
            return Response.ok(Templates.job(pages.chrome("jobs", person, notice, null), job,
                    config.refreshSeconds())).build();
        } catch (StageError e) {
            return Pages.back("/jobs", null, e.getMessage());
        }
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@CookieParam(SignIns.COOKIE) String token, @PathParam("kind") String kind,
            @FormParam("symbols") String symbols, @FormParam("interval") String interval,
            @FormParam("from") String from, @FormParam("to") String to) {
        Person person = pages.require(token);
        String authorization = person.authorization();
        try {
            JobView started;
            if ("replays".equals(kind)) {
                started = JobView.of(StageError.call("archive", () -> archive.start(authorization,
                        new ReplayRequest(from, to, List.of("market_data"), symbolList(symbols)))));
            } else if (COLLECTOR_KINDS.contains(kind)) {
                started = JobView.of(kind, StageError.call("collector", () -> collector.start(authorization, kind,
                        new JobRequest(symbolList(symbols), interval, from, to))));
            } else {
                throw new NotFoundException("no such kind of job: " + kind);
            }
            return Pages.back("/jobs/" + kind + "/" + started.id(), started.kindLabel() + " started", null);
        } catch (StageError e) {
            return Pages.back("/jobs", null, e.getMessage());
        }
    }

    @POST
    @Path("/{kind}/{id}/cancel")
    public Response cancel(@CookieParam(SignIns.COOKIE) String token, @PathParam("kind") String kind,
            @PathParam("id") String id) {
        Person person = pages.require(token);
        if (!COLLECTOR_KINDS.contains(kind)) {
            throw new NotFoundException("only backfills and gap-fills can be cancelled");
        }
        try {
            StageError.call("collector", () -> collector.cancel(person.authorization(), kind, id));
            return Pages.back("/jobs/" + kind + "/" + id, "cancelled: no further window starts", null);
        } catch (StageError e) {
            return Pages.back("/jobs/" + kind + "/" + id, null, e.getMessage());
        }
    }

    private JobView find(Person person, String kind, String id) {
        if ("replays".equals(kind)) {
            return JobView.of(StageError.call("archive", () -> archive.get(person.authorization(), id)));
        }
        if (!COLLECTOR_KINDS.contains(kind)) {
            throw new NotFoundException("no such kind of job: " + kind);
        }
        return JobView.of(kind, StageError.call("collector", () -> collector.get(person.authorization(), kind, id)));
    }

    /** {@code "005930, 000660 035420"} → the symbols; empty → all (a replay) or the stage's own refusal. */
    static List<String> symbolList(String symbols) {
        if (symbols == null) {
            return List.of();
        }
        return Arrays.stream(symbols.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
