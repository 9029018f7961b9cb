package io.sealpost.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * A date of birth: a real past date right after a context word ({@code DOB}, {@code date of
 * birth}, {@code born on}, ...). A date without such a word (meetings, releases) is not one.
 * Used by the {@code pii} pack on its own and by {@code hipaa} as a personal identifier.
 */
final class DateOfBirth {

    private static final String MONTHS = Arrays.stream(Month.values())
            .map(m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
            .map(name -> name.substring(0, 3) + "(?:" + name.substring(3) + ")?")
            .collect(Collectors.joining("|"));

    private static final ContextPattern PATTERN = new ContextPattern(
            "dob|d\\.o\\.b\\.?|date\\s+of\\s+birth|birth\\s*date|born(?:\\s+on)?|birthday",
            "(?:[\\s:#.,()-]+(?i:is|was))*[\\s:#.,()-]+"
                    + "(?:(?<y1>\\d{4})-(?<m1>\\d{1,2})-(?<d1>\\d{1,2})"
                    + "|(?<a>\\d{1,2})([/.-])(?<b>\\d{1,2})\\5(?<y2>\\d{4}|\\d{2})"
                    + "|(?i:(?<mn>" + MONTHS + "))\\.?\\s+(?<d3>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y3>\\d{4})"
                    + "|(?<d4>\\d{1,2})\\s+(?i:(?<mn4>" + MONTHS + "))\\.?,?\\s+(?<y4>\\d{4}))(?!\\d)");

    private DateOfBirth() {
    }

    /** Each date of birth found, as its start offset and masked evidence. */
    static List<Hit> find(ScanText text) {
        List<Hit> found = new ArrayList<>();
        PATTERN.forEach(text, m -> {
            if (plausible(m)) {
                found.add(new Hit(m.start(), "DOB " + Mask.digits(text.text().substring(dateStart(m), m.end()))));
            }
        });
        return found;
    }

    private static int dateStart(Matcher m) {
        for (String group : new String[] {"y1", "a", "mn", "d4"}) {
            if (m.group(group) != null) {
                return m.start(group);
            }
        }
        return m.start();
    }

    private static boolean plausible(Matcher m) {
        try {
            LocalDate date;
            if (m.group("y1") != null) {
                date = LocalDate.of(num(m, "y1"), num(m, "m1"), num(m, "d1"));
            } else if (m.group("a") != null) {
                int year = fullYear(num(m, "y2"), m.group("y2").length());
                date = monthDay(year, num(m, "a"), num(m, "b"));
            } else if (m.group("mn") != null) {
                date = LocalDate.of(num(m, "y3"), month(m.group("mn")), num(m, "d3"));
            } else {
                date = LocalDate.of(num(m, "y4"), month(m.group("mn4")), num(m, "d4"));
            }
            return date != null && date.getYear() >= 1900 && date.isBefore(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** US order first (MM/DD), then day-first (DD.MM). */
    private static LocalDate monthDay(int year, int a, int b) {
        try {
            return LocalDate.of(year, a, b);
        } catch (DateTimeException e) {
            return LocalDate.of(year, b, a);
        }
    }

    private static int fullYear(int year, int digits) {
        if (digits == 4) {
            return year;
        }
        int century = LocalDate.now().getYear() / 100 * 100;
        return century + year > LocalDate.now().getYear() ? century - 100 + year : century + year;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month.getValue();
            }
        }
        throw new DateTimeException("not a month: " + name);
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }
}
