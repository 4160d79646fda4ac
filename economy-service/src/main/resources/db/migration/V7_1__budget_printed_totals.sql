-- The totals a budget's document prints (Udgifter i alt, Årets resultat, Overføres til næste år), kept as printed
-- beside the computed ones; a group line's printed amount lives in the lines document.
ALTER TABLE budget_version ADD COLUMN printed_totals JSONB;
ALTER TABLE budget_version_aud ADD COLUMN printed_totals JSONB;
