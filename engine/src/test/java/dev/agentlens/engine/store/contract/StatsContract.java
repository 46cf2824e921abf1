package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.StatsOverview;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.TimeWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/stats and /api/stats/overview (reference §9), tenant-scoped counts. */
public abstract class StatsContract extends StoreContractBase {

  private static final TimeWindow TODAY =
      new TimeWindow("2026-03-10T00:00:00.000Z", "2026-03-10T23:59:59.999Z");
  private static final TimeWindow YESTERDAY =
      new TimeWindow("2026-03-09T00:00:00.000Z", "2026-03-09T23:59:59.999Z");

  @BeforeEach
  void writeFixture() {
    write(
        events.sessionStarted("s1").at("2026-03-09T10:00:00.000Z").build(),
        events
            .toolCall("s1", "search")
            .severity(Severity.ERROR)
            .at("2026-03-10T09:00:00.000Z")
            .build(),
        events
            .custom("s1", "panic")
            .severity(Severity.CRITICAL)
            .at("2026-03-10T11:00:00.000Z")
            .build(),
        events.sessionStarted("s2").agent("agent-2").at("2026-03-10T12:00:00.000Z").build(),
        // a tool_error with info severity is not an error for the overview (severity only)
        events
            .toolError("s2", "search", 5)
            .agent("agent-2")
            .at("2026-03-10T12:30:00.000Z")
            .build());
    write(
        otherEvents.sessionStarted("s1").at("2026-03-08T10:00:00.000Z").build(),
        otherEvents
            .custom("s1", "x")
            .severity(Severity.ERROR)
            .at("2026-03-10T10:00:00.000Z")
            .build());
  }

  @Test
  void statsCountTheCallersTenantOnly() {
    StorageStats s = await(store.stats().stats(TENANT));

    assertThat(s.totalEvents()).isEqualTo(5);
    assertThat(s.totalSessions()).isEqualTo(2);
    assertThat(s.totalAgents()).isEqualTo(2);
    assertThat(s.oldestEvent()).isEqualTo("2026-03-09T10:00:00.000Z");
    assertThat(s.newestEvent()).isEqualTo("2026-03-10T12:30:00.000Z");
    assertThat(s.storageSizeBytes()).isPositive();

    StorageStats other = await(store.stats().stats(OTHER_TENANT));
    assertThat(other.totalEvents()).isEqualTo(2);
    assertThat(other.totalSessions()).isEqualTo(1);
    assertThat(other.totalAgents()).isEqualTo(1);
    assertThat(other.oldestEvent()).isEqualTo("2026-03-08T10:00:00.000Z");
    assertThat(other.newestEvent()).isEqualTo("2026-03-10T10:00:00.000Z");
  }

  @Test
  void statsOfATenantWithoutEventsHaveNoTimestamps() {
    StorageStats s = await(store.stats().stats("tenant-empty"));

    assertThat(s.totalEvents()).isZero();
    assertThat(s.totalSessions()).isZero();
    assertThat(s.totalAgents()).isZero();
    assertThat(s.oldestEvent()).isNull();
    assertThat(s.newestEvent()).isNull();
  }

  @Test
  void overviewComparesTheWindowWithThePreviousOne() {
    StatsOverview o = await(store.stats().overview(TENANT, TODAY, YESTERDAY));

    assertThat(o).isEqualTo(new StatsOverview(4, 1, 2, 0, 1, 1, 2, 0.5));
  }

  @Test
  void overviewWindowsAreInclusive() {
    TimeWindow exact = new TimeWindow("2026-03-10T09:00:00.000Z", "2026-03-10T12:00:00.000Z");
    TimeWindow before = new TimeWindow("2026-03-09T10:00:00.000Z", "2026-03-10T08:59:59.999Z");

    StatsOverview o = await(store.stats().overview(TENANT, exact, before));

    assertThat(o).isEqualTo(new StatsOverview(3, 1, 2, 0, 1, 1, 2, 2.0 / 3));
  }

  @Test
  void overviewOfAnEmptyWindowHasZeroErrorRate() {
    TimeWindow empty = new TimeWindow("2026-01-01T00:00:00.000Z", "2026-01-01T23:59:59.999Z");

    StatsOverview o = await(store.stats().overview(TENANT, empty, empty));

    assertThat(o).isEqualTo(new StatsOverview(0, 0, 0, 0, 0, 0, 2, 0.0));
  }
}
