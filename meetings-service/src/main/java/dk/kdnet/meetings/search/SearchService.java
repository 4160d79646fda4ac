package dk.kdnet.meetings.search;

import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.meeting.Copenhagen;
import dk.kdnet.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.query.NativeQuery;

/**
 * Full-text search over item titles, summaries, case presentations and decisions (for anonymous callers: those
 * of approved minutes only) with PostgreSQL's Danish configuration. The index (agenda_item.search_vector, GIN) is kept by triggers; weights make a
 * title hit (A) outrank a hit in a decision or summary (B) and in a case presentation (C).
 */
@ApplicationScoped
public class SearchService {

    /** ts_rank weights for D, C, B, A: a title hit outweighs any number of hits in the body text. */
    private static final String WEIGHTS = "'{0.01, 0.05, 0.2, 1.0}'";

    private static final String HIGHLIGHT = "StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=25, MinWords=8";

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    @Schema(name = "SearchHit")
    public record Hit(@Schema(required = true) UUID agendaItemId, @Schema(required = true) UUID meetingId,
            @Schema(required = true) UUID bodyId,
            @Schema(required = true, example = "2023-08-25T10:00:00+02:00") OffsetDateTime meetingStartsAt,
            @Schema(example = "57") Integer number,
            @Schema(required = true, example = "GovTech Midtjylland") String title,
            @Schema(example = "<mark>GovTech</mark> Midtjylland … udtræder af <mark>GovTech</mark>") String headline,
            @Schema(example = "0.99") double rank) {}

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Hit> search(String text, UUID body, Integer year, int page, int size) {
        var where = new ArrayList<String>(List.of("i.search_vector @@ websearch_to_tsquery('danish', :q)"));
        var parameters = new HashMap<String, Object>(Map.of("q", text));
        if (body != null) {
            where.add("m.body_id = :body");
            parameters.put("body", body);
        }
        if (year != null) {
            where.add("m.starts_at >= :yearStart AND m.starts_at < :yearEnd");
            parameters.put("yearStart", Copenhagen.startOf(LocalDate.of(year, 1, 1)));
            parameters.put("yearEnd", Copenhagen.startOf(LocalDate.of(year + 1, 1, 1)));
        }
        var internal = visibility.seesConfidential();
        if (!internal) {
            where.add("NOT i.closed AND m.status IN ('AGENDA_PUBLISHED', 'HELD', 'MINUTES_APPROVED')");
            // The index holds the decision's text too: until the minutes are approved a hit must come from the item
            // (re-checked only for the few items with a decision, so the index does the work for the rest).
            where.add("""
                    (m.status = 'MINUTES_APPROVED' OR NOT EXISTS (SELECT 1 FROM decision d WHERE d.agenda_item_id = i.id)
                     OR to_tsvector('danish', concat_ws(' ', i.title, i.summary, i.case_presentation))
                        @@ websearch_to_tsquery('danish', :q))""");
        }
        var from = " FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE " + String.join(" AND ", where);
        var count = em.createNativeQuery("SELECT count(*) AS total" + from).unwrap(NativeQuery.class)
                .addScalar("total", Long.class);
        parameters.forEach(count::setParameter);
        var total = (Long) count.getSingleResult();
        // The headline is costly: it is made for the rows of the page only.
        var select = em.createNativeQuery("""
                SELECT h.id, h.meeting_id, h.body_id, h.starts_at, h.number, h.title,
                       ts_headline('danish', concat_ws(' … ', h.title, h.summary,
                                   CASE WHEN :internal OR h.status = 'MINUTES_APPROVED' THEN d.text END,
                                   h.case_presentation), websearch_to_tsquery('danish', :q), '%s'), h.rank
                FROM (SELECT i.id, i.meeting_id, m.body_id, m.starts_at, i.number, i.title, i.summary,
                             i.case_presentation, m.status,
                             ts_rank(%s, i.search_vector, websearch_to_tsquery('danish', :q)) AS rank
                      %s
                      ORDER BY rank DESC, m.starts_at DESC, i.number
                      LIMIT :limit OFFSET :offset) h
                LEFT JOIN decision d ON d.agenda_item_id = h.id
                ORDER BY h.rank DESC, h.starts_at DESC, h.number""".formatted(HIGHLIGHT, WEIGHTS, from));
        parameters.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", page * size).setParameter("internal", internal);
        List<Object[]> rows = select.getResultList();
        var hits = rows.stream().map(r -> new Hit((UUID) r[0], (UUID) r[1], (UUID) r[2],
                Copenhagen.time(time(r[3])), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                (String) r[6], ((Number) r[7]).doubleValue())).toList();
        return new Page<>(hits, page, size, total);
    }

    /** The JDBC driver's type for a timestamptz in a native query depends on its version. */
    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case OffsetDateTime t -> t;
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected time " + value.getClass());
        };
    }
}
