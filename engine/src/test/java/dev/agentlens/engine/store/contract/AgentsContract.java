package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.Agent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents (reference §4 with the SPEC §4 fix: sessionCount is the true count). */
public abstract class AgentsContract extends StoreContractBase {

  private Agent agent(String id) {
    return await(store.agents().get(TENANT, id)).orElseThrow(() -> new AssertionError("no " + id));
  }

  @Test
  void anAgentIsCreatedByItsFirstEvent() {
    write(
        events.sessionStarted("s1").agentName("Alpha").at("2026-03-10T10:00:00.000Z").build(),
        events.toolCall("s1", "search").at("2026-03-10T10:02:00.000Z").build());

    assertThat(agent("agent-1"))
        .isEqualTo(
            new Agent(
                "agent-1",
                "Alpha",
                "2026-03-10T10:00:00.000Z",
                "2026-03-10T10:02:00.000Z",
                1,
                TENANT,
                null,
                null,
                null,
                null));
  }

  @Test
  void nameIsTheAgentIdWhenTheFirstEventHasNoAgentName() {
    write(events.toolCall("s1", "search").agent("agent-2").build());
    write(events.sessionStarted("s2").agent("agent-2").agentName("Too Late").build());

    assertThat(agent("agent-2").name()).isEqualTo("agent-2");
  }

  @Test
  void nameComesFromAgentNameOfAnyEventType() {
    write(events.custom("s1", "boot").agent("agent-3").agentName("Custom Name").build());

    assertThat(agent("agent-3").name()).isEqualTo("Custom Name");
  }

  @Test
  void nameIsFixedAtCreation() {
    write(events.sessionStarted("s1").agentName("Original").build());
    write(events.sessionStarted("s2").agentName("Renamed").build());

    assertThat(agent("agent-1").name()).isEqualTo("Original");
  }

  @Test
  void sessionCountIsTheTrueNumberOfSessions() {
    write(
        events.sessionStarted("s1").build(),
        // started twice: still one session
        events.sessionStarted("s1").build(),
        // created by a non-start event: still a session of the agent
        events.toolCall("s2", "search").build(),
        events.sessionStarted("s3").build(),
        // another agent's event in agent-1's session does not make it agent-2's
        events.toolCall("s3", "search").agent("agent-2").build(),
        events.sessionStarted("s4").agent("agent-2").build());

    assertThat(agent("agent-1").sessionCount()).isEqualTo(3);
    assertThat(agent("agent-2").sessionCount()).isEqualTo(1);
  }

  @Test
  void firstAndLastSeenAreTheMinAndMaxEventTimes() {
    write(
        events.toolCall("s1", "search").at("2026-03-10T10:00:00.000Z").build(),
        events.toolCall("s1", "search").at("2026-03-10T10:10:00.000Z").build());
    write(events.toolCall("s1", "search").at("2026-03-10T09:55:00.000Z").build());
    write(events.toolCall("s2", "search").at("2026-03-10T10:05:00.000Z").build());

    Agent a = agent("agent-1");
    assertThat(a.firstSeenAt()).isEqualTo("2026-03-10T09:55:00.000Z");
    assertThat(a.lastSeenAt()).isEqualTo("2026-03-10T10:10:00.000Z");
  }

  @Test
  void listIsOrderedByLastSeenNewestFirst() {
    write(
        events.toolCall("s1", "search").agent("a-old").at("2026-03-10T08:00:00.000Z").build(),
        events.toolCall("s2", "search").agent("a-new").at("2026-03-10T12:00:00.000Z").build(),
        events.toolCall("s3", "search").agent("a-mid").at("2026-03-10T10:00:00.000Z").build());
    write(events.toolCall("s1", "search").agent("a-old").at("2026-03-10T11:00:00.000Z").build());

    List<Agent> agents = await(store.agents().list(TENANT));
    assertThat(agents).extracting(Agent::id).containsExactly("a-new", "a-old", "a-mid");
    assertThat(agents).extracting(Agent::sessionCount).containsExactly(1L, 1L, 1L);
  }

  @Test
  void getOfAnUnknownAgentIsEmpty() {
    write(events.toolCall("s1", "search").build());

    assertThat(await(store.agents().get(TENANT, "nobody"))).isEmpty();
    assertThat(await(store.agents().get(OTHER_TENANT, "agent-1"))).isEmpty();
    assertThat(await(store.agents().list(OTHER_TENANT))).isEmpty();
  }
}
