package dev.agentlens.engine.model;

/** Event list order by timestamp; anything but "asc" means desc, as upstream. */
public enum SortOrder {
  ASC,
  DESC;

  public static SortOrder fromWire(String s) {
    return "asc".equals(s) ? ASC : DESC;
  }
}
