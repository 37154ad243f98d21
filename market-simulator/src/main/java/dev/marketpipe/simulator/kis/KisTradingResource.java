package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.config.SimulatorConfig;
import dev.marketpipe.simulator.market.AccountGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The KIS Open API's account paths the collector uses: the balance ({@code TTTC8434R}, paper {@code VTTC8434R}:
 * positions in {@code output1}, the summary in {@code output2}) and the daily orders and executions
 * ({@code TTTC0081R}/{@code CTSC9215R}, paper {@code V…}), paged with the {@code tr_cont} header and the
 * {@code ctx_area_fk100}/{@code nk100} keys, which are 100-character fields with trailing spaces and must come back
 * exactly as they were sent.
 */
@Path("/uapi/domestic-stock/v1/trading")
@Tag(name = "kis")
@Produces(MediaType.APPLICATION_JSON)
public class KisTradingResource {

    static final int BALANCE_ROWS = 50;
    static final int PAPER_BALANCE_ROWS = 20;
    static final int ORDER_ROWS = 100;
    static final int PAPER_ORDER_ROWS = 15;
    private static final int CONTEXT_WIDTH = 100;

    private final MarketSimulation simulation;
    private final SimulatorConfig config;
    private final KisGate gate;
    private final SimulatedClock clock;

    public KisTradingResource(MarketSimulation simulation, SimulatorConfig config, KisGate gate, SimulatedClock clock) {
        this.simulation = simulation;
        this.config = config;
        this.gate = gate;
        this.clock = clock;
    }

    @GET
    @Path("/inquire-balance")
    @Operation(summary = "KIS TTTC8434R: positions (output1) and the account summary (output2), tr_cont paging")
    public Response balance(@Context HttpHeaders headers, @QueryParam("CANO") String cano,
            @QueryParam("ACNT_PRDT_CD") String product, @QueryParam("CTX_AREA_FK100") String fk100,
            @QueryParam("CTX_AREA_NK100") String nk100) {
        Optional<Response> refused = gate.refusal(headers, Set.of("TTTC8434R", "VTTC8434R"))
                .or(() -> checkAccount(cano, product));
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean paper = headers.getHeaderString("tr_id").startsWith("V");
        Instant now = clock.instant();
        AccountGenerator.Account account = simulation.accounts().account(now);
        List<AccountGenerator.Holding> holdings = simulation.accounts().positions(now);
        String context = context(cano + "^" + product + "^BALANCE");
        return page(headers, fk100, nk100, context, holdings, paper ? PAPER_BALANCE_ROWS : BALANCE_ROWS,
                answer -> {
                    answer.putArray("output2").addObject()
                            .put("dnca_tot_amt", Long.toString(account.cash()))
                            .put("scts_evlu_amt", Long.toString(account.positionsValue()))
                            .put("tot_evlu_amt", Long.toString(account.totalValue()))
                            .put("nass_amt", Long.toString(account.totalValue()));
                    return answer.putArray("output1");
                },
                (rows, h) -> rows.addObject().put("pdno", h.symbol()).put("prdt_name", h.symbol())
                        .put("hldg_qty", Long.toString(h.quantity())).put("ord_psbl_qty", Long.toString(h.quantity()))
                        .put("pchs_avg_pric", h.averagePrice() + ".0000")
                        .put("pchs_amt", Long.toString(h.averagePrice() * h.quantity()))
                        .put("prpr", Long.toString(h.currentPrice())).put("evlu_amt", Long.toString(h.marketValue()))
                        .put("evlu_pfls_amt", Long.toString(h.unrealizedPnl())));
    }

    @GET
    @Path("/inquire-daily-ccld")
    @Operation(summary = "KIS TTTC0081R: orders and executions INQR_STRT_DT..INQR_END_DT, tr_cont paging")
    public Response orders(@Context HttpHeaders headers, @QueryParam("CANO") String cano,
            @QueryParam("ACNT_PRDT_CD") String product, @QueryParam("INQR_STRT_DT") String from,
            @QueryParam("INQR_END_DT") String to, @QueryParam("CTX_AREA_FK100") String fk100,
            @QueryParam("CTX_AREA_NK100") String nk100) {
        Optional<Response> refused = gate.refusal(headers,
                        Set.of("TTTC0081R", "CTSC9215R", "VTTC0081R", "VTSC9215R"))
                .or(() -> checkAccount(cano, product)).or(() -> KisAnswers.badDate(from)).or(() -> KisAnswers.badDate(to));
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean paper = headers.getHeaderString("tr_id").startsWith("V");
        ZoneId zone = simulation.calendar().zone();
        Instant now = clock.instant();
        List<AccountGenerator.Order> orders = new ArrayList<>();
        LocalDate last = LocalDate.parse(to, KisTimes.DATE);
        for (LocalDate date = LocalDate.parse(from, KisTimes.DATE); !date.isAfter(last); date = date.plusDays(1)) {
            for (AccountGenerator.Order order : simulation.accounts().orders(date)) {
                if (config.serveFutureBars() || !order.orderedAt().isAfter(now)) {
                    orders.add(order);
                }
            }
        }
        String context = context(cano + "^" + product + "^" + from + "^" + to);
        return page(headers, fk100, nk100, context, orders, paper ? PAPER_ORDER_ROWS : ORDER_ROWS,
                answer -> {
                    answer.putObject("output2").put("tot_ord_qty", Long.toString(
                            orders.stream().mapToLong(AccountGenerator.Order::quantity).sum()));
                    return answer.putArray("output1");
                },
                (rows, o) -> {
                    LocalDateTime at = LocalDateTime.ofInstant(o.orderedAt(), zone);
                    rows.addObject().put("ord_dt", KisTimes.DATE.format(at)).put("ord_gno_brno", "06010")
                            .put("odno", o.orderId()).put("orgn_odno", "")
                            .put("sll_buy_dvsn_cd", "sell".equals(o.side()) ? "01" : "02")
                            .put("pdno", o.symbol()).put("ord_qty", Long.toString(o.quantity()))
                            .put("ord_unpr", Long.toString(o.price())).put("ord_tmd", KisTimes.TIME.format(at))
                            .put("tot_ccld_qty", Long.toString(o.filledQuantity()))
                            .put("avg_prvs", o.filledPrice() == null ? "0" : Long.toString(o.filledPrice()))
                            .put("cncl_yn", "cancelled".equals(o.status()) ? "Y" : "N")
                            .put("rmn_qty", Long.toString(o.quantity() - o.filledQuantity()));
                });
    }

    /**
     * One page of {@code items}: the first without continuation keys, the next with the keys of the page before
     * ({@code tr_cont: N}); {@code tr_cont} {@code M} while more follow, {@code D} on the last.
     */
    private <T> Response page(HttpHeaders headers, String fk100, String nk100, String context, List<T> items,
            int rows, Function<ObjectNode, ArrayNode> outputs, java.util.function.BiConsumer<ArrayNode, T> row) {
        boolean continued = "N".equals(headers.getHeaderString("tr_cont"));
        int offset = 0;
        if (continued) {
            Optional<Integer> at = offset(fk100, nk100, context);
            if (at.isEmpty()) {
                return KisAnswers.error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_CTX_AREA");
            }
            offset = at.get();
        }
        int end = Math.min(items.size(), offset + rows);
        boolean more = end < items.size();
        ObjectNode answer = KisAnswers.ok();
        answer.put("ctx_area_fk100", more ? context : "").put("ctx_area_nk100", more ? context(Integer.toString(end)) : "");
        ArrayNode output1 = outputs.apply(answer);
        for (T item : items.subList(Math.min(offset, items.size()), end)) {
            row.accept(output1, item);
        }
        return KisAnswers.json(answer, more ? (continued ? "M" : "F") : (continued ? "E" : "D"));
    }

    /** The offset a continuation asks for, if its keys are exactly the ones this resource sent. */
    private static Optional<Integer> offset(String fk100, String nk100, String context) {
        if (!context.equals(fk100) || nk100 == null || nk100.length() != CONTEXT_WIDTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(nk100.stripTrailing()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A continuation field as KIS sends it: 100 characters, padded with spaces. */
    private static String context(String value) {
        return String.format("%-" + CONTEXT_WIDTH + "s", value);
    }

    private Optional<Response> checkAccount(String cano, String product) {
        String[] parts = config.accountNumber().split("-");
        if (!parts[0].equals(cano) || !parts[1].equals(product)) {
            return Optional.of(KisAnswers.error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_ACNO"));
        }
        return Optional.empty();
    }

}
