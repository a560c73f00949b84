-- The audit trail and its hash chain only ever grow: the database itself refuses changes.
CREATE OR REPLACE FUNCTION peerpath_reject_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION peerpath_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION peerpath_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION peerpath_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION peerpath_reject_audit_change();
--> statement-breakpoint
-- The exact text each chain link hashes: every column, in a fixed order, time in UTC to the microsecond,
-- so the sealer and the verifier (and any outside checker) agree whatever the session's time zone.
CREATE OR REPLACE FUNCTION peerpath_audit_canonical(e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    e.id,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.organization_id, e.actor_user_id, e.actor_role, e.action, e.participant_id,
    e.resource_type, e.resource_id, e.outcome::text, e.ip, e.request_id, e.details
  )::text
$$;
