package dev.agentlens.engine.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one canonical timestamp form (SPEC §2): UTC, millisecond precision, {@code
 * YYYY-MM-DDTHH:mm:ss.SSSZ}, so text order is time order on every backend.
 */
public final class Timestamps {
  private Timestamps() {}

  /** Formats an instant canonically (truncating below the millisecond). */
  public static String format(Instant instant) {
    long epochMs = instant.toEpochMilli();
    long secs = Math.floorDiv(epochMs, 1000);
    int ms = Math.floorMod(epochMs, 1000);
    java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("year outside 0000-9999");
    }
    char[] c = new char[24];
    put(c, 0, year, 4);
    c[4] = '-';
    put(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, t.getHour(), 2);
    c[13] = ':';
    put(c, 14, t.getMinute(), 2);
    c[16] = ':';
    put(c, 17, t.getSecond(), 2);
    c[19] = '.';
    put(c, 20, ms, 3);
    c[23] = 'Z';
    return new String(c);
  }

  /**
   * Milliseconds since the epoch of a canonical timestamp, read field by field without allocating
   * (the drain writer calls it for every event); any other accepted form goes through {@link
   * #parse}.
   */
  public static long epochMillis(String canonical) {
    if (canonical.length() != 24
        || canonical.charAt(19) != '.'
        || canonical.charAt(23) != 'Z'
        || canonical.charAt(16) != ':') {
      return parse(canonical).toEpochMilli();
    }
    int year = digits(canonical, 0, 4);
    int month = digits(canonical, 5, 2);
    int day = digits(canonical, 8, 2);
    int hour = digits(canonical, 11, 2);
    int minute = digits(canonical, 14, 2);
    int second = digits(canonical, 17, 2);
    if (month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return parse(canonical).toEpochMilli(); // throws the one error for a bad date
    }
    long secondOfDay = hour * 3600L + minute * 60L + second;
    return (epochDay(year, month, day) * 86_400L + secondOfDay) * 1000L + digits(canonical, 20, 3);
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /**
   * Canonicalises an RFC 3339 date-time with {@code Z} or a numeric offset and 0–9 fraction digits
   * (seconds optional, as upstream accepted {@code 2026-02-08T10:00Z}). Throws {@link
   * IllegalArgumentException} for anything else: no zone, lowercase separators, impossible dates.
   */
  public static String canonicalize(String text) {
    return format(parse(text));
  }

  /** Parses what {@link #canonicalize} accepts. */
  public static Instant parse(String s) {
    if (s == null) {
      throw invalid();
    }
    int n = s.length();
    if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T') {
      throw invalid();
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    if (s.charAt(13) != ':') {
      throw invalid();
    }
    int minute = digits(s, 14, 2);
    int i = 16;
    int second = 0;
    long nanos = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
          i++;
        }
        int len = i - start;
        if (len < 1 || len > 9) {
          throw invalid();
        }
        nanos = Long.parseLong(s.substring(start, i));
        for (int k = len; k < 9; k++) {
          nanos *= 10;
        }
      }
    }
    if (i >= n) {
      throw invalid();
    }
    int offsetSeconds;
    if (s.charAt(i) == 'Z' && i == n - 1) {
      offsetSeconds = 0;
    } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh > 23 || om > 59) {
        throw invalid();
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      throw invalid();
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw invalid();
    }
    try {
      LocalDate date = LocalDate.of(year, month, day);
      return date.atTime(hour, minute, second, (int) nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      throw invalid();
    }
  }

  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) {
      throw invalid();
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        throw invalid();
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("Invalid ISO datetime");
  }
}
