package dev.agentlens.engine.store;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.ChainBreak;
import dev.agentlens.engine.model.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Verifies one session's hash chain (SPEC §3, reference §2.6) on any backend. A session whose
 * events all have a null prevHash is unchained and gets a record-integrity check only; otherwise
 * the chain must run contiguously by {@code seq} from genesis, or from the retention anchor of its
 * purged prefix.
 *
 * <p>Backends stream a session through {@link #start} so a long chain is never held in memory;
 * whether the session is chained is only known at its end, so both verdicts are tracked at once.
 */
public final class ChainVerifier {

  public static final String HASH_MISMATCH = "hash mismatch";
  public static final String NOT_LINKED = "prevHash does not link";
  public static final String SEQ_GAP = "seq gap";
  public static final String GENESIS_NOT_NULL = "genesis prevHash not null";
  public static final String NO_ANCHOR = "no anchor for purged prefix";

  /** The outcome for one session; {@code breakSeq}/{@code breakReason} name the first failure. */
  public record Verdict(boolean valid, boolean chained, long breakSeq, String breakReason) {
    public Verdict {
      if (valid != (breakReason == null)) {
        throw new IllegalArgumentException("a verdict is valid exactly when it has no break");
      }
    }

    /** The break as reported by audit/verify; only for an invalid verdict. */
    public ChainBreak toBreak(String sessionId) {
      if (valid) {
        throw new IllegalStateException("a valid chain has no break");
      }
      return new ChainBreak(sessionId, breakSeq, breakReason);
    }
  }

  private final ChainAnchor anchor;
  private long count;
  private boolean anyPrevHash;
  private long prevSeq;
  private String prevHash;
  private long integritySeq;
  private String integrityReason;
  private long strictSeq;
  private String strictReason;

  private ChainVerifier(ChainAnchor anchor) {
    this.anchor = anchor;
  }

  /** Verifies a whole session held in memory, in any order (it is walked by {@code seq}). */
  public static Verdict verify(List<Event> events, ChainAnchor anchorOrNull) {
    List<Event> bySeq = new ArrayList<>(events);
    bySeq.sort(Comparator.comparingLong(Event::seq));
    ChainVerifier v = start(anchorOrNull);
    for (Event e : bySeq) {
      v.accept(e);
    }
    return v.verdict();
  }

  /**
   * Starts an incremental verification; feed events in {@code seq} order, then {@link #verdict}.
   */
  public static ChainVerifier start(ChainAnchor anchorOrNull) {
    return new ChainVerifier(anchorOrNull);
  }

  public void accept(Event e) {
    Objects.requireNonNull(e, "event");
    count++;
    anyPrevHash |= e.prevHash() != null;
    if (strictReason == null) {
      String linkFailure = count == 1 ? startFailure(e) : linkFailure(e);
      if (linkFailure != null) {
        fail(e.seq(), linkFailure);
      }
    }
    // Once both verdicts have failed the rest can only be counted, not rehashed.
    if (integrityReason == null || strictReason == null) {
      if (!recomputedHash(e).equals(e.hash())) {
        if (integrityReason == null) {
          integritySeq = e.seq();
          integrityReason = HASH_MISMATCH;
        }
        fail(e.seq(), HASH_MISMATCH);
      }
    }
    prevSeq = e.seq();
    prevHash = e.hash();
  }

  /** Events accepted so far. */
  public long count() {
    return count;
  }

  public Verdict verdict() {
    if (count > 0 && !anyPrevHash) {
      return new Verdict(integrityReason == null, false, integritySeq, integrityReason);
    }
    return new Verdict(strictReason == null, true, strictSeq, strictReason);
  }

  private String startFailure(Event first) {
    if (first.seq() == 1) {
      return first.prevHash() == null ? null : GENESIS_NOT_NULL;
    }
    if (anchor == null || anchor.lastSeq() != first.seq() - 1) {
      return NO_ANCHOR;
    }
    return Objects.equals(anchor.lastHash(), first.prevHash()) ? null : NOT_LINKED;
  }

  private String linkFailure(Event e) {
    if (e.seq() != prevSeq + 1) {
      return SEQ_GAP;
    }
    return prevHash.equals(e.prevHash()) ? null : NOT_LINKED;
  }

  private void fail(long seq, String reason) {
    if (strictReason == null) {
      strictSeq = seq;
      strictReason = reason;
    }
  }

  private static String recomputedHash(Event e) {
    return EventHasher.hash(
        e.id(),
        e.timestamp(),
        e.sessionId(),
        e.agentId(),
        e.eventType().wire(),
        e.severity().wire(),
        e.payload(),
        e.metadata(),
        e.prevHash());
  }
}
