package dev.marketpipe.simulator.kis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.config.SimulatorConfig;
import dev.marketpipe.simulator.market.Discrepancies;
import dev.marketpipe.simulator.market.OrderBook;
import dev.marketpipe.simulator.market.ServedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The KIS Open API's quotation paths the collector uses, served from the same deterministic market as the spec
 * API: today's minute bars ({@code FHKST03010200}, 30 rows), a past day's ({@code FHKST03010230}, 120 rows), daily
 * bars ({@code FHKST03010100}, 100 rows) and the order book ({@code FHKST01010200}). Field names as in the official
 * samples ({@code koreainvestment/open-trading-api}); every number a string, times KST.
 */
@Path("/uapi/domestic-stock/v1/quotations")
@Tag(name = "kis")
@Produces(MediaType.APPLICATION_JSON)
public class KisQuotationResource {

    static final int TODAY_ROWS = 30;
    static final int PAST_ROWS = 120;
    static final int DAILY_ROWS = 100;
    static final int BOOK_LEVELS = 10;

    private final MarketSimulation simulation;
    private final SimulatorConfig config;
    private final Discrepancies discrepancies;
    private final KisGate gate;
    private final SimulatedClock clock;

    public KisQuotationResource(MarketSimulation simulation, SimulatorConfig config, Discrepancies discrepancies,
            KisGate gate, SimulatedClock clock) {
        this.simulation = simulation;
        this.config = config;
        this.discrepancies = discrepancies;
        this.gate = gate;
        this.clock = clock;
    }

    @GET
    @Path("/inquire-time-itemchartprice")
    @Operation(summary = "KIS FHKST03010200: today's minute bars, 30 rows back from FID_INPUT_HOUR_1")
    public Response todayMinutes(@Context HttpHeaders headers,
            @QueryParam("FID_COND_MRKT_DIV_CODE") String market, @QueryParam("FID_INPUT_ISCD") String symbol,
            @QueryParam("FID_INPUT_HOUR_1") String hour, @QueryParam("FID_PW_DATA_INCU_YN") String past,
            @QueryParam("FID_ETC_CLS_CODE") String other) {
        return refusal(headers, "FHKST03010200", market, symbol).or(() -> KisAnswers.badTime(hour)).orElseGet(() -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, simulation.calendar().zone());
            return minutes(symbol, today.atTime(LocalTime.parse(hour, KisTimes.TIME)), now, TODAY_ROWS);
        });
    }

    @GET
    @Path("/inquire-time-dailychartprice")
    @Operation(summary = "KIS FHKST03010230: a day's minute bars, 120 rows back from FID_INPUT_DATE_1 + HOUR_1")
    public Response pastMinutes(@Context HttpHeaders headers,
            @QueryParam("FID_COND_MRKT_DIV_CODE") String market, @QueryParam("FID_INPUT_ISCD") String symbol,
            @QueryParam("FID_INPUT_HOUR_1") String hour, @QueryParam("FID_INPUT_DATE_1") String date,
            @QueryParam("FID_PW_DATA_INCU_YN") String past, @QueryParam("FID_FAKE_TICK_INCU_YN") String fakeTicks) {
        return refusal(headers, "FHKST03010230", market, symbol).or(() -> KisAnswers.badTime(hour))
                .or(() -> KisAnswers.badDate(date))
                .orElseGet(() -> minutes(symbol, LocalDate.parse(date, KisTimes.DATE)
                        .atTime(LocalTime.parse(hour, KisTimes.TIME)), clock.instant(), PAST_ROWS));
    }

    @GET
    @Path("/inquire-daily-itemchartprice")
    @Operation(summary = "KIS FHKST03010100: daily bars FID_INPUT_DATE_1..DATE_2, newest first, at most 100")
    public Response daily(@Context HttpHeaders headers,
            @QueryParam("FID_COND_MRKT_DIV_CODE") String market, @QueryParam("FID_INPUT_ISCD") String symbol,
            @QueryParam("FID_INPUT_DATE_1") String from, @QueryParam("FID_INPUT_DATE_2") String to,
            @QueryParam("FID_PERIOD_DIV_CODE") String period, @QueryParam("FID_ORG_ADJ_PRC") String adjusted) {
        return refusal(headers, "FHKST03010100", market, symbol).or(() -> KisAnswers.badDate(from))
                .or(() -> KisAnswers.badDate(to))
                .or(() -> "D".equals(period) ? Optional.empty() : Optional.of(KisAnswers.error(
                        KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_PERIOD_DIV_CODE")))
                .orElseGet(() -> dailyRows(symbol, from, to));
    }

    private Response dailyRows(String symbol, String from, String to) {
        MarketCalendar calendar = simulation.calendar();
        Instant now = clock.instant();
        List<Bar> days = new ArrayList<>();
        LocalDate first = LocalDate.parse(from, KisTimes.DATE);
        for (LocalDate date = LocalDate.parse(to, KisTimes.DATE); !date.isBefore(first)
                && days.size() < DAILY_ROWS; date = date.minusDays(1)) {
            Optional<Session> session = calendar.session(date);
            if (session.isEmpty() || (!config.serveFutureBars() && session.get().close().isAfter(now))) {
                continue;
            }
            for (ServedBar served : simulation.bars().servedRecords(symbol, BarInterval.ONE_DAY, date)) {
                days.add(discrepancies.apply(served.bar(), calendar.zone()));
            }
        }
        ObjectNode answer = KisAnswers.ok();
        answer.putObject("output1").put("stck_shrn_iscd", symbol)
                .put("stck_prpr", days.isEmpty() ? "" : KisAnswers.number(days.get(0).close()));
        ArrayNode output2 = answer.putArray("output2");
        for (Bar bar : days) {
            // a daily row carries only its date: a record stamped outside its session keeps the date it was stamped on
            LocalDate date = LocalDate.ofInstant(bar.timestamp(), calendar.zone());
            output2.addObject()
                    .put("stck_bsop_date", KisTimes.DATE.format(date))
                    .put("stck_clpr", KisAnswers.number(bar.close()))
                    .put("stck_oprc", KisAnswers.number(bar.open()))
                    .put("stck_hgpr", KisAnswers.number(bar.high()))
                    .put("stck_lwpr", KisAnswers.number(bar.low()))
                    .put("acml_vol", KisAnswers.number(bar.volume()))
                    .put("acml_tr_pbmn", KisAnswers.number(bar.value()))
                    .put("flng_cls_code", "00").put("prtt_rate", "0.00").put("mod_yn", "N")
                    .put("prdy_vrss_sign", "3").put("prdy_vrss", "0").put("revl_issu_reas", "");
        }
        return KisAnswers.json(answer, null);
    }

    @GET
    @Path("/inquire-asking-price-exp-ccn")
    @Operation(summary = "KIS FHKST01010200: the order book now, 10 levels a side")
    public Response orderBook(@Context HttpHeaders headers,
            @QueryParam("FID_COND_MRKT_DIV_CODE") String market, @QueryParam("FID_INPUT_ISCD") String symbol) {
        return refusal(headers, "FHKST01010200", market, symbol).orElseGet(() -> book(symbol));
    }

    private Response book(String symbol) {
        OrderBook book = simulation.orderBooks().orderBook(symbol, clock.instant());
        ObjectNode answer = KisAnswers.ok();
        ObjectNode output1 = answer.putObject("output1").put("aspr_acpt_hour", KisTimes.TIME.format(
                LocalDateTime.ofInstant(book.timestamp(), simulation.calendar().zone())));
        long totalAsk = 0;
        long totalBid = 0;
        for (int i = 1; i <= BOOK_LEVELS; i++) {
            OrderBook.Level ask = i <= book.asks().size() ? book.asks().get(i - 1) : null;
            OrderBook.Level bid = i <= book.bids().size() ? book.bids().get(i - 1) : null;
            output1.put("askp" + i, ask == null ? "0" : KisAnswers.number(ask.price()))
                    .put("bidp" + i, bid == null ? "0" : KisAnswers.number(bid.price()))
                    .put("askp_rsqn" + i, ask == null ? "0" : KisAnswers.number(ask.quantity()))
                    .put("bidp_rsqn" + i, bid == null ? "0" : KisAnswers.number(bid.quantity()))
                    .put("askp_rsqn_icdc" + i, "0").put("bidp_rsqn_icdc" + i, "0");
            totalAsk += ask == null ? 0 : ask.quantity();
            totalBid += bid == null ? 0 : bid.quantity();
        }
        output1.put("total_askp_rsqn", Long.toString(totalAsk)).put("total_bidp_rsqn", Long.toString(totalBid));
        answer.putObject("output2").put("stck_shrn_iscd", symbol).put("antc_cnpr", "0");
        return KisAnswers.json(answer, null);
    }

    private Response minutes(String symbol, LocalDateTime until, Instant now, int rows) {
        ObjectNode answer = KisAnswers.ok();
        answer.putObject("output1").put("hts_kor_isnm", symbol);
        KisMinuteRows.write(answer.putArray("output2"), simulation.bars(), symbol, until.toLocalDate(), until, now,
                rows, config.serveFutureBars());
        return KisAnswers.json(answer, null);
    }

    /** The refusal of a call to the path serving {@code trId} for {@code symbol} of {@code market}, if any. */
    private Optional<Response> refusal(HttpHeaders headers, String trId, String market, String symbol) {
        return gate.refusal(headers, Set.of(trId)).or(() -> checkMarket(market, symbol));
    }

    private Optional<Response> checkMarket(String market, String symbol) {
        if (!"J".equals(market)) {
            return Optional.of(KisAnswers.error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_MRKT_DIV_CODE"));
        }
        if (symbol == null || !simulation.knows(symbol)) {
            return Optional.of(KisAnswers.error(KisMessageCodes.BAD_INPUT, "ERROR : INPUT INVALID_CHECK_ISCD"));
        }
        return Optional.empty();
    }

}
