package io.attain.kernel.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnumsTest {

    @Test
    void onlyRevenueMetricsAreMonetary() {
        assertThat(Metric.values()).filteredOn(Metric::isMonetary)
                .containsExactlyInAnyOrder(Metric.REVENUE, Metric.PRODUCT_REVENUE);
        assertThat(Metric.values()).filteredOn(Metric::requiresProductLine)
                .containsExactly(Metric.PRODUCT_REVENUE);
    }

    @Test
    void stagesAreOrderedAndWonAndLostAreClosed() {
        assertThat(Stage.values()).filteredOn(Stage::isClosed).containsExactly(Stage.WON, Stage.LOST);
        assertThat(Stage.LEAD.isBefore(Stage.QUALIFIED)).isTrue();
        assertThat(Stage.NEGOTIATION.isBefore(Stage.PROPOSAL)).isFalse();
    }

    @Test
    void partnerRulesPerChannel() {
        assertThat(Channel.values()).filteredOn(Channel::requiresPartner)
                .containsExactlyInAnyOrder(Channel.DISTRIBUTOR, Channel.AGENT);
        assertThat(Channel.values()).filteredOn(Channel::forbidsPartner).containsExactly(Channel.DIRECT);
    }

    @Test
    void eachPartnerKindSellsThroughItsIndirectChannel() {
        assertThat(io.attain.kernel.channel.PartnerKind.DISTRIBUTOR.channel()).isEqualTo(Channel.DISTRIBUTOR);
        assertThat(io.attain.kernel.channel.PartnerKind.AGENT.channel()).isEqualTo(Channel.AGENT);
        assertThat(io.attain.kernel.channel.PartnerKind.values()).allSatisfy(k -> assertThat(k.channel().requiresPartner()).isTrue());
    }
}
