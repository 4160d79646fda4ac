-- The meeting decision that approved a budget version (a BUDGET_APPROVED effect); null when approved through the API.
ALTER TABLE budget_version ADD COLUMN decision_id UUID, ADD COLUMN meeting_id UUID, ADD COLUMN agenda_item_id UUID,
    ADD COLUMN item_number INT;
ALTER TABLE budget_version_aud ADD COLUMN decision_id UUID, ADD COLUMN meeting_id UUID, ADD COLUMN agenda_item_id UUID,
    ADD COLUMN item_number INT;
