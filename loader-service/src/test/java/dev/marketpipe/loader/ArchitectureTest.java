package dev.marketpipe.loader;

import dev.marketpipe.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** The loader's packages point one way (see {@link PackageRules}). */
class ArchitectureTest {

    @Test
    void packagesPointOneWay() {
        PackageRules.assertOneWay("dev.marketpipe.loader");
    }
}
