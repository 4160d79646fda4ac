-- The SEQUENCE of the meeting's iCalendar event (RFC 5545 3.8.7.4): grows with every change a subscribed
-- calendar must pick up (details changed, cancelled).
ALTER TABLE meeting ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meeting_aud ADD COLUMN calendar_sequence INTEGER;
