/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The +CMS ERROR table: what clears on a retry and what never will. */
class CmsErrorsTest {

    @ParameterizedTest(name = "+CMS ERROR: {0} is retried")
    @ValueSource(ints = {27, 38, 41, 42, 47, 111, 127, 300, 314, 331, 332, 500, 512})
    void shouldRetryNetworkServiceCentreAndModuleTrouble(int code) {
        assertThat(CmsErrors.mailCode(code).isTransient()).isTrue();
        assertThat(CmsErrors.of(code)).isPresent();
    }

    @ParameterizedTest(name = "+CMS ERROR: {0} is final")
    @ValueSource(ints = {1, 8, 10, 21, 28, 29, 30, 50, 69, 96, 301, 302, 303, 304, 305, 330, 513, 529})
    void shouldEndAtOnceOnARefusedNumberBarringOrARefusedParameter(int code) {
        assertThat(CmsErrors.mailCode(code).isTransient()).isFalse();
        assertThat(CmsErrors.describe(code)).startsWith("+CMS ERROR: " + code + " (").doesNotContain("not in");
    }
}
