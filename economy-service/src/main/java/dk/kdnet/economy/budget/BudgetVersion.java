package dk.kdnet.economy.budget;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.kdnet.economy.Json;
import dk.kdnet.economy.budget.BudgetApi.Line;
import dk.kdnet.economy.budget.BudgetApi.PrintedTotals;
import dk.kdnet.economy.budget.BudgetApi.Status;
import dk.kdnet.events.DecisionReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.envers.Audited;

/** One version of a budget's lines, with its status. */
@Entity
@Audited
public class BudgetVersion extends PanacheEntityBase {

    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {};

    @Id
    public UUID id;

    public UUID budgetId;

    public int number;

    @Enumerated(EnumType.STRING)
    public Status status;

    public BigDecimal carriedIn;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String lines;

    /** The totals as printed (BudgetApi.PrintedTotals), or null. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String printedTotals;

    public Instant createdAt;

    public Instant statusAt;

    /** The meeting decision that approved this version (a BUDGET_APPROVED effect); null when approved otherwise. */
    public UUID decisionId;

    public UUID meetingId;

    public UUID agendaItemId;

    public Integer itemNumber;

    @Version
    public long version;

    public DecisionReference decision() {
        return decisionId == null ? null : new DecisionReference(decisionId, meetingId, agendaItemId, itemNumber);
    }

    public List<Line> lineTree() {
        return Json.read(lines, LINES);
    }

    public PrintedTotals printed() {
        return printedTotals == null ? null : Json.read(printedTotals, PrintedTotals.class);
    }

    public BudgetTotals totals() {
        return BudgetTotals.of(lineTree(), carriedIn, printed());
    }

    public static BudgetVersion current(UUID budgetId) {
        return BudgetVersion.<BudgetVersion>find("budgetId = ?1 order by number desc", budgetId).firstResult();
    }
}
