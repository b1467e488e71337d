package io.attain.kernel.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelIdsTest {

    @Test
    void aConflictIdNamesItsCustomersChannel() {
        String conflict = ChannelIds.conflictId("Acme: West", 12);
        assertThat(conflict).isEqualTo("conflict:12:Acme: West");
        assertThat(ChannelIds.customerChannelIdOfConflict(conflict)).isEqualTo("customer:Acme: West");
    }

    @Test
    void somethingElseIsNoConflictId() {
        assertThat(ChannelIds.customerChannelIdOfConflict("conflict:x:Acme")).isNull();
        assertThat(ChannelIds.customerChannelIdOfConflict("conflict::Acme")).isNull();
        assertThat(ChannelIds.customerChannelIdOfConflict("conflict:1:")).isNull();
        assertThat(ChannelIds.customerChannelIdOfConflict("customer:Acme")).isNull();
        assertThat(ChannelIds.customerChannelIdOfConflict(null)).isNull();
    }
}
