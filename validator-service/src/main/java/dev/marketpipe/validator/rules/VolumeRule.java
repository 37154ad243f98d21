package dev.marketpipe.validator.rules;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.Severity;

import java.util.List;

/**
 * Volume range 0..max ("reject if negative or unrealistic") and the quality action "Volume = 0: accept but
 * flag": {@code volume_negative} and {@code volume_unrealistic} are critical, {@code volume_zero} is low.
 */
public final class VolumeRule implements BarRule {

    private final long maxVolume;

    /** @param maxVolume the largest volume still considered realistic (by default 999,999,999), inclusive */
    public VolumeRule(long maxVolume) {
        this.maxVolume = maxVolume;
    }

    @Override
    public List<QualityIssue> check(Bar bar, BarContext context) {
        Long volume = bar.volume();
        if (volume == null) {
            return List.of();
        }
        if (volume < 0) {
            return List.of(new QualityIssue(RuleCodes.VOLUME_NEGATIVE, Severity.CRITICAL, bar.timestamp(),
                    "volume " + volume + " is negative"));
        }
        if (volume > maxVolume) {
            return List.of(new QualityIssue(RuleCodes.VOLUME_UNREALISTIC, Severity.CRITICAL, bar.timestamp(),
                    "volume " + volume + " exceeds " + maxVolume));
        }
        if (volume == 0) {
            return List.of(new QualityIssue(RuleCodes.VOLUME_ZERO, Severity.LOW, bar.timestamp(), "volume is 0"));
        }
        return List.of();
    }
}
