-- Why a closed item is closed, as the agenda states it (e.g. the section of offentlighedsloven): an ESDH system
-- files the item's documents with restricted access and this reason.
ALTER TABLE agenda_item ADD COLUMN closed_reason VARCHAR(300);
ALTER TABLE agenda_item_aud ADD COLUMN closed_reason VARCHAR(300);
