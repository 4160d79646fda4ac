-- EventTables purges inbox ids by age in batches: without this each batch would read the whole table.
CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
