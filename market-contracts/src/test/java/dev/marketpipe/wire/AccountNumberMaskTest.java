package dev.marketpipe.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AccountNumberMaskTest {

    @Test
    void aKisAccountNumberKeepsItsFirstFourDigitsAndProductCode() {
        assertEquals("1234****-01", AccountNumberMask.mask("12345678-01"));
    }

    @Test
    void aNumberWithoutDashKeepsFourAndTwo() {
        assertEquals("1234****01", AccountNumberMask.mask("1234567801"));
    }

    @Test
    void aShortNumberIsMaskedWhole() {
        assertEquals("******", AccountNumberMask.mask("123456"));
    }

    @Test
    void nullStaysNull() {
        assertNull(AccountNumberMask.mask(null));
    }
}
