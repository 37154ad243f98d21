package dev.marketpipe.simulator.market;

import dev.marketpipe.wire.Bar;

import java.time.Instant;

/**
 * One record as the simulated API serves it, with the ground truth behind it: the bar slot it stands for and how
 * (if at all) it was corrupted. For {@link Corruption#OUT_OF_SESSION} the served timestamp differs from the slot.
 *
 * @param slot the bar start this record replaces (a session bar start of the calendar)
 * @param corruption what the invalid-bar switch did to it
 * @param bar the record exactly as served
 */
public record ServedBar(Instant slot, Corruption corruption, Bar bar) {
}
