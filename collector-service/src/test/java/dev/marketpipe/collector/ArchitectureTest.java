package dev.marketpipe.collector;

import dev.marketpipe.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** The collector's packages point one way (see {@link PackageRules}). */
class ArchitectureTest {

    @Test
    void packagesPointOneWay() {
        PackageRules.assertOneWay("dev.marketpipe.collector");
    }
}
