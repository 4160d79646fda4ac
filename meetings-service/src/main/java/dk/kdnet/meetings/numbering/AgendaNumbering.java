package dk.kdnet.meetings.numbering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Item numbers within a numbering period. A number once frozen (at publication) is never given again,
 * even when its meeting is cancelled, so the next number is always one above the highest ever used.
 */
public final class AgendaNumbering {

    private AgendaNumbering() {}

    /** The number for an item numbered now: the next free one in the period. */
    public static int next(Collection<Integer> usedInPeriod) {
        return usedInPeriod.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /**
     * The numbers of a meeting's items, in agenda order, when its agenda is published: an item that
     * has a number keeps it (added to a published agenda, or imported); the others take the next
     * free numbers in order.
     */
    public static List<Integer> freeze(List<Integer> currentInOrder, Collection<Integer> usedInPeriod) {
        var used = new ArrayList<>(usedInPeriod);
        currentInOrder.stream().filter(n -> n != null).forEach(used::add);
        var numbers = new ArrayList<Integer>(currentInOrder.size());
        for (var current : currentInOrder) {
            if (current != null) {
                numbers.add(current);
            } else {
                var number = next(used);
                used.add(number);
                numbers.add(number);
            }
        }
        return numbers;
    }
}
