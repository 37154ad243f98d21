package dev.marketpipe.validator;

import dev.marketpipe.testsupport.PackageRules;
import org.junit.jupiter.api.Test;

/** The validator's packages point one way (see {@link PackageRules}). */
class ArchitectureTest {

    @Test
    void packagesPointOneWay() {
        PackageRules.assertOneWay("dev.marketpipe.validator");
    }
}
