-- Which population figures charge a scheme's members: RECORDED (groups-service's) or GIVEN (with the scheme).
ALTER TABLE financing_scheme ADD COLUMN population_basis TEXT NOT NULL DEFAULT 'RECORDED';
ALTER TABLE financing_scheme_aud ADD COLUMN population_basis TEXT;

-- A member that leaves and joins again has one row per membership, so the months of both are charged.
UPDATE collaboration_membership SET membership_id = gen_random_uuid() WHERE membership_id IS NULL;
ALTER TABLE collaboration_membership DROP CONSTRAINT collaboration_membership_pkey;
ALTER TABLE collaboration_membership ADD PRIMARY KEY (membership_id);
CREATE INDEX collaboration_membership_member ON collaboration_membership (collaboration_id, organization_id);
