package dev.marketpipe.simulator.market;

import dev.marketpipe.wire.Bar;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The planted discrepancies ({@code PUT /simulator/discrepancies}) and how they change a served daily bar. */
@ApplicationScoped
public class Discrepancies {

    private final List<PlantedDiscrepancy> planted = new CopyOnWriteArrayList<>();

    public void plant(PlantedDiscrepancy discrepancy) {
        planted.add(discrepancy);
    }

    public List<PlantedDiscrepancy> planted() {
        return List.copyOf(planted);
    }

    public void clear() {
        planted.clear();
    }

    /** The daily bar as served: unchanged unless a discrepancy was planted for its symbol and trading date. */
    public Bar apply(Bar bar, ZoneId zone) {
        if (planted.isEmpty() || bar.timestamp() == null) {
            return bar;
        }
        Bar served = bar;
        LocalDate date = LocalDate.ofInstant(bar.timestamp(), zone);
        for (PlantedDiscrepancy d : planted) {
            if (d.symbol().equals(bar.symbol()) && d.date().equals(date)) {
                served = shifted(served, d.field(), d.delta());
            }
        }
        return served;
    }

    private static Bar shifted(Bar b, String field, BigDecimal delta) {
        return new Bar(b.timestamp(), b.symbol(),
                field.equals("open") ? add(b.open(), delta) : b.open(),
                field.equals("high") ? add(b.high(), delta) : b.high(),
                field.equals("low") ? add(b.low(), delta) : b.low(),
                field.equals("close") ? add(b.close(), delta) : b.close(),
                field.equals("volume") && b.volume() != null ? b.volume() + delta.longValue() : b.volume(),
                field.equals("value") ? add(b.value(), delta) : b.value());
    }

    private static BigDecimal add(BigDecimal value, BigDecimal delta) {
        return value == null ? null : value.add(delta);
    }
}
