-- 0008: indexes for the audit trail's filters (GET /v1/audit): by actor and by action,
-- newest first, as the list reads them. Entity and time already have theirs (0002).
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC, id DESC);
