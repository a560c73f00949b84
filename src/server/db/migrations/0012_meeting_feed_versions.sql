CREATE TABLE "meeting_feed_versions" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_feed_versions" ADD CONSTRAINT "meeting_feed_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every change to an organization's meetings, by any code path, adds one to its feed version in the
-- writer's own transaction, so a cached feed body is never served once the change is committed.
-- Statement-level with transition tables: one row touched per organization per statement.
CREATE OR REPLACE FUNCTION peerpath_bump_meeting_feed_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE meeting_feed_versions SET version = version + 1;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO meeting_feed_versions AS v (organization_id) SELECT DISTINCT organization_id FROM new_meetings
      ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO meeting_feed_versions AS v (organization_id)
      SELECT organization_id FROM new_meetings UNION SELECT organization_id FROM old_meetings
      ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO meeting_feed_versions AS v (organization_id) SELECT DISTINCT organization_id FROM old_meetings
      ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_feed_version_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_meetings
  FOR EACH STATEMENT EXECUTE FUNCTION peerpath_bump_meeting_feed_version();
--> statement-breakpoint
CREATE TRIGGER meetings_feed_version_update AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_meetings NEW TABLE AS new_meetings
  FOR EACH STATEMENT EXECUTE FUNCTION peerpath_bump_meeting_feed_version();
--> statement-breakpoint
CREATE TRIGGER meetings_feed_version_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_meetings
  FOR EACH STATEMENT EXECUTE FUNCTION peerpath_bump_meeting_feed_version();
--> statement-breakpoint
CREATE TRIGGER meetings_feed_version_truncate AFTER TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION peerpath_bump_meeting_feed_version();
