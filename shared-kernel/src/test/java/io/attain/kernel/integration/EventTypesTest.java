package io.attain.kernel.integration;

import io.attain.kernel.compensation.CommissionPaidEvent;
import io.attain.kernel.deal.DealWonEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    private static final Pattern NAME = Pattern.compile("io\\.attain\\.[a-z]+\\.[a-z]+(_[a-z]+)*\\.v[1-9][0-9]*");

    @Test
    void everyEventRecordOfTheKernelHasExactlyOneWellFormedUniqueName() throws Exception {
        List<Class<?>> events = kernelEventRecords();
        assertThat(events).hasSizeGreaterThan(40);

        Set<String> names = new HashSet<>();
        for (Class<?> event : events) {
            EventType type = EventTypes.of(event).orElseThrow(() -> new AssertionError(event + " has no type name"));
            assertThat(type.eventClass()).isEqualTo(event);
            assertThat(type.name()).matches(NAME);
            String subdomain = event.getPackageName().substring(event.getPackageName().lastIndexOf('.') + 1);
            assertThat(type.name()).startsWith("io.attain." + subdomain + ".");
            assertThat(names.add(type.name())).as("unique name %s", type.name()).isTrue();
            assertThat(EventTypes.byName(type.name())).contains(type);
            assertThat(EventTypes.byPayloadType(event.getName())).contains(type);
            Revision revision = event.getAnnotation(Revision.class);
            assertThat(type.revision()).isEqualTo(revision == null ? "1" : revision.value());
        }
        assertThat(EventTypes.all()).hasSameSizeAs(events);
    }

    @Test
    void namesAndCategoriesAreTheOnesPublished() {
        assertThat(EventTypes.of(DealWonEvent.class)).get()
                .extracting(EventType::name, EventType::category)
                .containsExactly("io.attain.deal.won.v1", EventCategory.DEALS);
        assertThat(EventTypes.of(CommissionPaidEvent.class)).get()
                .extracting(EventType::name, EventType::category)
                .containsExactly("io.attain.compensation.commission_paid.v1", EventCategory.COMPENSATION);
        assertThat(EventTypes.byName("io.attain.channel.rebate_accrued.v1")).get()
                .extracting(EventType::category).isEqualTo(EventCategory.COMPENSATION);
        assertThat(EventTypes.of(io.attain.kernel.cost.SalesCostRecordedEvent.class)).get()
                .extracting(EventType::name, EventType::category)
                .containsExactly("io.attain.cost.sales_cost_recorded.v1", EventCategory.COMPENSATION);
        assertThat(EventTypes.byName("io.attain.cost.sales_cost_corrected.v1")).get()
                .extracting(EventType::category).isEqualTo(EventCategory.COMPENSATION);
        assertThat(EventTypes.of(io.attain.kernel.customer.CustomerRegisteredEvent.class)).get()
                .extracting(EventType::name, EventType::category)
                .containsExactly("io.attain.customer.registered.v1", EventCategory.DEALS);
        assertThat(EventTypes.byName("io.attain.customer.key_account_designated.v1")).get()
                .extracting(EventType::category).isEqualTo(EventCategory.DEALS);
        assertThat(EventTypes.byName("io.attain.deal.won.v2")).isEmpty();
        assertThat(EventTypes.of(String.class)).isEmpty();
    }

    @Test
    void categoryIdsAreLowerCaseAndParsedCaseInsensitively() {
        assertThat(EventCategory.COMPENSATION.id()).isEqualTo("compensation");
        assertThat(EventCategory.fromId(" Deals ")).contains(EventCategory.DEALS);
        assertThat(EventCategory.fromId("payroll")).isEmpty();
        assertThat(EventCategory.fromId(null)).isEmpty();
    }

    /** Every record named {@code *Event} in the kernel's compiled classes. */
    private static List<Class<?>> kernelEventRecords() throws IOException, URISyntaxException {
        Path root = Path.of(DealWonEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                        .map(Path::toString)
                        .filter(p -> p.endsWith("Event.class") && !p.contains("$"))
                        .map(p -> p.substring(0, p.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                        .map(EventTypesTest::load)
                        .filter(Class::isRecord)
                        .sorted(java.util.Comparator.comparing(Class::getName))
                        .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
