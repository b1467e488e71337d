package io.attain.command.domain.channel;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.channel.ChannelClaim;
import io.attain.kernel.channel.ChannelConflictRaisedEvent;
import io.attain.kernel.channel.ChannelConflictResolvedEvent;
import io.attain.kernel.channel.ChannelIds;
import io.attain.kernel.channel.ClaimCustomerCommand;
import io.attain.kernel.channel.CustomerClaimReleasedEvent;
import io.attain.kernel.channel.CustomerClaimResult;
import io.attain.kernel.channel.CustomerClaimedEvent;
import io.attain.kernel.channel.ReleaseCustomerClaimCommand;
import io.attain.kernel.channel.ResolveChannelConflictCommand;
import io.attain.kernel.common.Channel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class CustomerChannelTest {

    private static final String CUSTOMER = "Globex";
    private static final String ID = ChannelIds.customerChannelId(CUSTOMER);
    private static final String CONFLICT = ChannelIds.conflictId(CUSTOMER, 1);
    private static final Instant AT = Instant.parse("2017-05-12T10:00:00Z");

    private static final ChannelClaim ACME_1 = new ChannelClaim("d-1", Channel.DISTRIBUTOR, "acme", "anna");
    private static final ChannelClaim ACME_2 = new ChannelClaim("d-2", Channel.DISTRIBUTOR, "acme", "anna");
    private static final ChannelClaim DIRECT_3 = new ChannelClaim("d-3", Channel.DIRECT, null, "boris");
    private static final ChannelClaim AGENT_4 = new ChannelClaim("d-4", Channel.AGENT, "ajax", "boris");

    private FixtureConfiguration<CustomerChannel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerChannel.class);
    }

    private static ClaimCustomerCommand claim(ChannelClaim claim) {
        return new ClaimCustomerCommand(ID, CUSTOMER, claim, AT);
    }

    private static CustomerClaimedEvent claimed(ChannelClaim claim, String conflictId) {
        return new CustomerClaimedEvent(ID, CUSTOMER, claim, conflictId, AT);
    }

    private static ChannelConflictRaisedEvent raised(ChannelClaim... claims) {
        return new ChannelConflictRaisedEvent(CONFLICT, ID, CUSTOMER, List.of(claims), AT);
    }

    private static ResolveChannelConflictCommand resolve(String winner) {
        return new ResolveChannelConflictCommand(ID, CONFLICT, winner, "cara", "partner found the customer", AT);
    }

    @Test
    void theFirstClaimCreatesTheCustomersChannelWithoutConflict() {
        fixture.givenNoPriorActivity()
                .when(claim(ACME_1))
                .expectEvents(claimed(ACME_1, null));
    }

    @Test
    void aSecondClaimOfTheSameClaimantIsNoConflict() {
        fixture.given(claimed(ACME_1, null))
                .when(claim(ACME_2))
                .expectEvents(claimed(ACME_2, null))
                .expectResultMessagePayload(new CustomerClaimResult(null, List.of()));
    }

    @Test
    void aDirectClaimOnAPartnersCustomerRaisesAConflict() {
        fixture.given(claimed(ACME_1, null))
                .when(claim(DIRECT_3))
                .expectEvents(claimed(DIRECT_3, CONFLICT), raised(ACME_1, DIRECT_3))
                .expectResultMessagePayload(new CustomerClaimResult(CONFLICT, List.of("d-1", "d-3")));
    }

    @Test
    void anotherPartnersClaimRaisesAConflictAndLaterClaimsJoinTheOpenOne() {
        fixture.given(claimed(ACME_1, null), claimed(AGENT_4, CONFLICT), raised(ACME_1, AGENT_4))
                .when(claim(ACME_2))
                .expectEvents(claimed(ACME_2, CONFLICT))
                .expectResultMessagePayload(new CustomerClaimResult(CONFLICT, List.of("d-1", "d-4", "d-2")));
    }

    @Test
    void aReleasedClaimNoLongerConflicts() {
        fixture.given(claimed(ACME_1, null), new CustomerClaimReleasedEvent(ID, CUSTOMER, "d-1", "deal lost", AT))
                .when(claim(DIRECT_3))
                .expectEvents(claimed(DIRECT_3, null));
    }

    @Test
    void refusesASecondClaimOfTheSameDealAndAWrongId() {
        fixture.given(claimed(ACME_1, null))
                .when(claim(ACME_1))
                .expectException(DuplicateException.class)
                .expectExceptionMessage("claim.dealId: the deal already claims this customer")
                .expectNoEvents();
        new AggregateTestFixture<>(CustomerChannel.class).givenNoPriorActivity()
                .when(new ClaimCustomerCommand("customer:Other", CUSTOMER, ACME_1, AT))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("customerChannelId: must be customer:Globex")
                .expectNoEvents();
    }

    @Test
    void releasesOnlyAnActiveClaim() {
        fixture.given(claimed(ACME_1, null))
                .when(new ReleaseCustomerClaimCommand(ID, "d-1", "deal lost", AT))
                .expectEvents(new CustomerClaimReleasedEvent(ID, CUSTOMER, "d-1", "deal lost", AT));
        fixture.given(claimed(ACME_1, null))
                .when(new ReleaseCustomerClaimCommand(ID, "d-9", "deal lost", AT))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("dealId: the deal has no active claim on this customer")
                .expectNoEvents();
    }

    @Test
    void resolvingNamesTheWinnerAndOverrulesTheOtherClaimants() {
        fixture.given(claimed(ACME_1, null), claimed(DIRECT_3, CONFLICT), raised(ACME_1, DIRECT_3),
                        claimed(ACME_2, CONFLICT))
                .when(resolve("d-3"))
                .expectEvents(new ChannelConflictResolvedEvent(CONFLICT, ID, CUSTOMER, DIRECT_3,
                        List.of(ACME_1, DIRECT_3, ACME_2), List.of("d-1", "d-2"), "cara",
                        "partner found the customer", AT));
    }

    @Test
    void afterTheResolutionTheWinnersClaimantClaimsFreelyAndAnOverruledOneRaisesANewConflict() {
        ChannelConflictResolvedEvent resolved = new ChannelConflictResolvedEvent(CONFLICT, ID, CUSTOMER, ACME_1,
                List.of(ACME_1, DIRECT_3), List.of("d-3"), "cara", "partner", AT);
        fixture.given(claimed(ACME_1, null), claimed(DIRECT_3, CONFLICT), raised(ACME_1, DIRECT_3), resolved)
                .when(claim(ACME_2))
                .expectEvents(claimed(ACME_2, null));
        ChannelClaim direct5 = new ChannelClaim("d-5", Channel.DIRECT, null, "boris");
        String second = ChannelIds.conflictId(CUSTOMER, 2);
        fixture.given(claimed(ACME_1, null), claimed(DIRECT_3, CONFLICT), raised(ACME_1, DIRECT_3), resolved)
                .when(claim(direct5))
                .expectEvents(claimed(direct5, second),
                        new ChannelConflictRaisedEvent(second, ID, CUSTOMER, List.of(ACME_1, direct5), AT));
    }

    @Test
    void refusesAnUnknownOrResolvedConflictAndAWinnerOutsideIt() {
        fixture.given(claimed(ACME_1, null))
                .when(resolve("d-1"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("conflictId: no such conflict of this customer")
                .expectNoEvents();
        fixture.given(claimed(ACME_1, null), claimed(DIRECT_3, CONFLICT), raised(ACME_1, DIRECT_3))
                .when(resolve("d-9"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("winningDealId: must be the deal of one of the conflict's claims")
                .expectNoEvents();
        fixture.given(claimed(ACME_1, null), claimed(DIRECT_3, CONFLICT), raised(ACME_1, DIRECT_3),
                        new ChannelConflictResolvedEvent(CONFLICT, ID, CUSTOMER, ACME_1, List.of(ACME_1, DIRECT_3),
                                List.of("d-3"), "cara", "partner", AT))
                .when(resolve("d-3"))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("conflictId: the conflict is already resolved")
                .expectNoEvents();
    }
}
