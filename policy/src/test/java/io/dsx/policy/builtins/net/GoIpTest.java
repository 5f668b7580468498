package io.dsx.policy.builtins.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoIpTest {

    @Test
    void parsesAndPrintsAddressesAsGoDoes() {
        assertThat(GoIp.format(GoIp.parseIp("2001:0db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(GoIp.format(GoIp.parseIp("::ffff:10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(GoIp.parseIp("01.2.3.4")).isNull();
        assertThat(GoIp.parseIp("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(GoIp.parseCidr("192.168.1.77/24")).hasToString("192.168.1.0/24");
        assertThatThrownBy(() -> GoIp.parseCidr("192.168.1.1/33")).hasMessage("invalid CIDR address: 192.168.1.1/33");
    }

    @Test
    void containsAddressesAndWholeNetworks() {
        assertThat(NetFamily.contains("10.0.0.0/8", "10.1.2.3")).isTrue();
        assertThat(NetFamily.contains("10.0.0.0/8", "10.0.0.0/7")).isFalse();
        assertThat(NetFamily.contains("fd00::/8", "fd12::/16")).isTrue();
        assertThatThrownBy(() -> NetFamily.contains("10.0.0.0/8", "nope"))
                .hasMessage("not a valid textual representation of an IP address or CIDR: nope");
    }

    @Test
    void mergesAdjacentAndContainedRangesIntoFewestBlocks() {
        List<GoIp.Net> nets = List.of(
                GoIp.parseCidr("192.0.2.112/31"),
                GoIp.parseCidr("192.0.2.116/31"),
                GoIp.parseCidr("192.0.2.118/31"),
                GoIp.parseCidr("fe80::/120"));
        assertThat(CidrMerge.merge(nets)).containsExactly("192.0.2.112/31", "192.0.2.116/30", "fe80::/120");
    }

    @Test
    void lookupNeverUsesDnsAndFailsClosedForNames() {
        assertThatThrownBy(() -> HostResolver.DISABLED.lookup("example.com"))
                .hasMessageContaining("name resolution is disabled");
    }
}
