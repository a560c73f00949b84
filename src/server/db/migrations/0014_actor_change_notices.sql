-- Every instance keeps signed-in sessions in memory (src/server/platform/auth/session-cache.ts).
-- Whatever changes what a session resolves to (the session itself, the user, their memberships,
-- the participant record linked to them) sends the user's id on this channel at commit, so every
-- instance forgets that user's sessions. Triggers, not application code, so no path can miss it.
CREATE FUNCTION peerpath_notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_user text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[0] END;
  new_user text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[0] END;
BEGIN
  IF old_user IS NOT NULL THEN PERFORM pg_notify('peerpath_actor_changed', old_user); END IF;
  IF new_user IS NOT NULL AND new_user IS DISTINCT FROM old_user THEN PERFORM pg_notify('peerpath_actor_changed', new_user); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER sessions_ended AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION peerpath_notify_actor_changed('user_id');--> statement-breakpoint
-- Touching a session moves its idle deadline later and needs no notice; anything that shortens or
-- reassigns a session does.
CREATE TRIGGER sessions_shortened AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (
    NEW.idle_expires_at < OLD.idle_expires_at
    OR NEW.absolute_expires_at IS DISTINCT FROM OLD.absolute_expires_at
    OR NEW.user_id IS DISTINCT FROM OLD.user_id
    OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token
  ) EXECUTE FUNCTION peerpath_notify_actor_changed('user_id');--> statement-breakpoint
CREATE TRIGGER users_actor_changed AFTER UPDATE OF disabled_at, display_name, organization_id OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION peerpath_notify_actor_changed('id');--> statement-breakpoint
CREATE TRIGGER memberships_actor_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION peerpath_notify_actor_changed('user_id');--> statement-breakpoint
CREATE TRIGGER participants_actor_changed AFTER INSERT OR UPDATE OF user_id OR DELETE ON participants
  FOR EACH ROW EXECUTE FUNCTION peerpath_notify_actor_changed('user_id');
