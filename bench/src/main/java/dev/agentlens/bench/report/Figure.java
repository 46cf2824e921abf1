package dev.agentlens.bench.report;

/** One headline figure compared with the seed's target and our goal. */
public record Figure(
    String name,
    String unit,
    double measured,
    boolean higherIsBetter,
    Double seedLimit,
    String seedTarget,
    Double goalLimit,
    String goal,
    String note) {

  /**
   * PASS / FAIL / N/A (limit null or measured NaN). Pass means measured >= limit when
   * higherIsBetter, measured < limit otherwise.
   */
  public Verdict seedVerdict() {
    return verdict(seedLimit);
  }

  /** Same rule as {@link #seedVerdict()}, against our own (stricter) goal. */
  public Verdict goalVerdict() {
    return verdict(goalLimit);
  }

  private Verdict verdict(Double limit) {
    if (limit == null || limit.isNaN() || Double.isNaN(measured)) {
      return Verdict.NA;
    }
    boolean pass = higherIsBetter ? measured >= limit : measured < limit;
    return pass ? Verdict.PASS : Verdict.FAIL;
  }
}
