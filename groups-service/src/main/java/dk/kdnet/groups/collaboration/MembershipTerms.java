package dk.kdnet.groups.collaboration;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version of a collaboration's membership terms: when a notice takes effect (which months a member pays
 * for follows from the dates, in economy-service's {@code Member.monthsIn}). GovTech Midtjylland's terms were
 * decided by KD-Net on 25 Aug 2023, item 57.
 *
 * @param noticeMonths months of membership after the period in which notice is given
 * @param countedFrom whether that period is the month of notice (Aug 2023 terms) or the rest of the
 *     year of notice (the June 2023 draft: "current year + 1 year")
 * @param transitionalRules dated exceptions: a notice on or before a date takes effect on a fixed date
 */
public record MembershipTerms(int noticeMonths, NoticeCountedFrom countedFrom,
        List<TransitionalRule> transitionalRules) {

    public enum NoticeCountedFrom {
        /** Membership continues the month of notice and {@code noticeMonths} more. */
        MONTH_OF_NOTICE,
        /** Membership continues the rest of the year of notice and {@code noticeMonths} more. */
        YEAR_OF_NOTICE
    }

    /** "Notice given on or before {@code noticeOnOrBefore} takes effect {@code effective}." */
    public record TransitionalRule(@Schema(required = true, example = "2023-08-25") LocalDate noticeOnOrBefore,
            @Schema(required = true, example = "2024-01-01", description = "not before noticeOnOrBefore")
            LocalDate effective) {}

    public MembershipTerms {
        if (noticeMonths < 0) {
            throw new IllegalArgumentException("noticeMonths must not be negative");
        }
        transitionalRules = transitionalRules == null ? List.of()
                : transitionalRules.stream().sorted(Comparator.comparing(TransitionalRule::noticeOnOrBefore)).toList();
    }

    /** The first day the organization is no longer a member, for a notice given on {@code noticeGiven}. */
    public LocalDate effectiveExit(LocalDate noticeGiven) {
        for (var rule : transitionalRules) {
            if (!noticeGiven.isAfter(rule.noticeOnOrBefore())) {
                return rule.effective();
            }
        }
        var periodStart = switch (countedFrom) {
            case MONTH_OF_NOTICE -> noticeGiven.withDayOfMonth(1).plusMonths(1);
            case YEAR_OF_NOTICE -> noticeGiven.withDayOfYear(1).plusYears(1);
        };
        return periodStart.plusMonths(noticeMonths);
    }

    /** The version in force on a date: the one with the latest valid-from not after it. */
    public static <T> Optional<T> inForce(Collection<T> versions, Function<T, LocalDate> validFrom, LocalDate on) {
        return versions.stream().filter(v -> !validFrom.apply(v).isAfter(on)).max(Comparator.comparing(validFrom));
    }
}
