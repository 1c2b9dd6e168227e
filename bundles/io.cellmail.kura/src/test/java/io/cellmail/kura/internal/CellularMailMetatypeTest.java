package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cellmail.service.MailServiceProperties;

/**
 * The Kura metatype describes the same configuration as the plain service's: one setting means the same in both
 * front doors. (Kura's own rules for the file are checked on the built bundle by the integration tests.)
 */
class CellularMailMetatypeTest {

    private static final String KURA = "OSGI-INF/metatype/" + CellularMailComponent.PID + ".xml";
    private static final String PLAIN = "OSGI-INF/metatype/" + MailServiceProperties.FACTORY_PID + ".xml";

    @Test
    void shouldDeclareTheAttributesOfThePlainServiceWithTheirTypesDefaultsOptionsAndRanges() {
        assertThat(Metatype.attributes(KURA)).isEqualTo(Metatype.attributes(PLAIN));
    }

    @Test
    void shouldGiveAWorkingServiceFromTheDefaultsKuraSeedsANewInstanceWith() {
        Map<String, Object> seeded = KuraProperties.instance("modem1").toMap();
        seeded.putAll(Metatype.defaults(KURA));
        Path dataArea = Path.of("/var/kura/data");

        CellularMailOptions options = new CellularMailOptions(seeded, new KuraPasswords(new ReversingCrypto()), null);

        assertThat(MailServiceProperties.toSettings(options.serviceProperties(), dataArea))
                .isEqualTo(MailServiceProperties.toSettings(Map.of(), dataArea));
    }
}
