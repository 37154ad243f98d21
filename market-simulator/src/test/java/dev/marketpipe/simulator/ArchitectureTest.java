package dev.marketpipe.simulator;

import dev.marketpipe.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** The simulator's packages point one way (see {@link PackageRules}). */
class ArchitectureTest {

    @Test
    void packagesPointOneWay() {
        PackageRules.assertOneWay("dev.marketpipe.simulator");
    }
}
