package io.attain.command.process.channel;

import io.attain.kernel.channel.AgreementVersion;
import io.attain.kernel.channel.PartnerKind;
import io.attain.kernel.channel.RebatePendingReason;
import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The channel process's private copy of the facts it needs, one document per entity (collection
 * {@value ChannelProcess#COLLECTION}). Built only from events, in the order of the log; never read by anyone else.
 */
final class ChannelProcessState {

    private ChannelProcessState() {
    }

    /** {@code partner:<id>}: registration and agreement versions (in publication order). */
    static final class PartnerState {
        public String partnerId;
        public boolean registered;
        public PartnerKind kind;
        public List<AgreementVersion> versions = new ArrayList<>();
    }

    /** {@code deal:<id>}: the deal's facts, its claim's conflict state and its rebate. */
    static final class DealState {
        public String dealId;
        public String customer;
        public Channel channel;
        public String partnerId;
        public String ownerRepId;
        public Money amount;
        public boolean won;
        public Instant wonAt;
        public String wonEventId;
        public Long wonPosition;
        /** The open conflict the deal's claim is in, or {@code null}. */
        public String conflictId;
        /** The deal's claim lost a conflict: no rebate (until the deal claims its customer again). */
        public boolean overruled;
        /** The accrued, not reversed rebate line, or {@code null}. */
        public String activeLineId;
        /** Why the rebate waits, or {@code null}. */
        public RebatePendingReason pending;

        boolean withPartner() {
            return partnerId != null && channel != Channel.DIRECT;
        }
    }

    /** {@code fx:<FROM>-<TO>}: the recorded rates and the deals waiting for one. */
    static final class FxState {
        public String pairId;
        public TreeMap<LocalDate, BigDecimal> rates = new TreeMap<>();
        public Set<String> pendingDeals = new LinkedHashSet<>();
    }
}
