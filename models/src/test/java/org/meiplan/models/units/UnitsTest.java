package org.meiplan.models.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @ParameterizedTest(name = "{0} as {1} = {2}")
    @CsvSource({
        "24 GB, BYTES, 24e9",
        "512 MiB, BYTES, 536870912",
        "1.5KiB, BYTES, 1536",
        "8 Gbit, BYTES, 1e9",
        "100 MHz, FREQUENCY, 1e8",
        "3.5 GHz, FREQUENCY, 3.5e9",
        "150 ms, TIME, 0.15",
        "2 min, TIME, 120",
        "1 h, TIME, 3600",
        "65 TFLOPS, FLOP_RATE, 6.5e13",
        "45 TOPS, FLOP_RATE, 4.5e13",
        "1 Gbps, BIT_RATE, 1e9",
        "200 Mbit/s, BIT_RATE, 2e8",
        "1 GB/s, BIT_RATE, 8e9",
        "3.35 TB/s, BYTE_RATE, 3.35e12",
        "0.2 W, POWER, 0.2",
        "30 dBm, POWER, 1.0",
        "0 dBW, POWER, 1.0",
        "10 Wh, ENERGY, 36000",
        "1.2 km, LENGTH, 1200",
        "12 /min, RATE, 0.2",
        "-10 dB, GAIN, 0.1",
        "3e-3, NUMBER, 0.003"
    })
    void parsesToSi(String text, Dimension dimension, double expected) {
        assertThat(Units.parse(text, dimension)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @Test
    void logarithmicUnitsConvertByHand() {
        // 23 dBm = 10^(−0.7) W = 0.19952623 W
        assertThat(Units.parse("23 dBm", Dimension.POWER)).isCloseTo(0.19952623149688797, within(1e-15));
        // −174 dBm/Hz = 10^(−20.4) W/Hz = 3.981e−21 W/Hz
        assertThat(Units.parse("-174 dBm/Hz", Dimension.POWER_DENSITY)).isCloseTo(3.981071705534969e-21, within(1e-33));
    }

    @Test
    void rejectsUnitOfAnotherDimensionSayingWhichItIs() {
        assertThatThrownBy(() -> Units.parse("24 MHz", Dimension.BYTES))
                .isInstanceOf(Units.UnitException.class)
                .hasMessageContainingAll("\"MHz\"", "not a size unit", "a frequency");
    }

    @Test
    void suggestsTheRightCaseForAMisspelledUnit() {
        assertThatThrownBy(() -> Units.parse("24 gb", Dimension.BYTES))
                .hasMessageContaining("did you mean \"GB\"");
    }

    @Test
    void aLowerCaseDataRateGetsTheBitsHintNotTheBytesOne() {
        // "100 mbps" is 100 megabits per second; "MBps" would be 8 times more
        assertThatThrownBy(() -> Units.parse("100 mbps", Dimension.BIT_RATE))
                .hasMessageContaining("did you mean \"Mbps\"");
        assertThatThrownBy(() -> Units.parse("3 tb/s", Dimension.BYTE_RATE))
                .hasMessageContaining("did you mean \"TB/s\"");
    }

    @Test
    void rejectsUnknownUnitWithAHint() {
        Units.UnitException e = org.junit.jupiter.api.Assertions.assertThrows(Units.UnitException.class,
                () -> Units.parse("5 furlongs", Dimension.LENGTH));
        assertThat(e.getMessage()).contains("\"furlongs\"");
        assertThat(e.hint()).contains("250 m");
    }

    @Test
    void rejectsTextThatIsNotANumber() {
        assertThatThrownBy(() -> Units.parse("lots", Dimension.TIME)).hasMessageContaining("not a number with a unit");
    }
}
