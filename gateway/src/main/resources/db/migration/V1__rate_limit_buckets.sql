-- Bucket4j's buckets of the rate limit, one per client, shared by every gateway instance (RateLimiter).
-- expires_at (epoch ms): when the bucket is full again and its row may go.
CREATE TABLE rate_limit_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
