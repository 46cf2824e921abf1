package dev.agentlens.engine.model;

import java.util.List;

/**
 * A session's timeline as its first read returns it: the chain verdict over the events with {@code
 * seq <= lastSeq}, which are exactly the ones its pages return (SPEC §3) however many arrive while
 * they are read, and the first page of them in (timestamp, id) order; {@code more} when pages
 * follow it.
 */
public record TimelineHead(
    long lastSeq, boolean chainValid, boolean chained, List<Event> firstPage, boolean more) {
  public TimelineHead {
    firstPage = List.copyOf(firstPage);
  }
}
