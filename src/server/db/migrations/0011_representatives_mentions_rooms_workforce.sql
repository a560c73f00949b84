CREATE TABLE "legal_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"user_id" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "community_mentions" (
	"post_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "community_mentions_post_id_member_id_pk" PRIMARY KEY("post_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "signed_representative_id" uuid;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD COLUMN "caseload_signal_percent" smallint DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD COLUMN "urgent_alerts_per_week" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD COLUMN "after_hours_messages_per_week" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD COLUMN "workday_start_hour" smallint DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD COLUMN "workday_end_hour" smallint DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD COLUMN "follows_id" uuid;--> statement-breakpoint
ALTER TABLE "community_rooms" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "legal_representatives" ADD CONSTRAINT "legal_representatives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_representatives" ADD CONSTRAINT "legal_representatives_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_representatives" ADD CONSTRAINT "legal_representatives_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_representatives" ADD CONSTRAINT "legal_representatives_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_representatives" ADD CONSTRAINT "legal_representatives_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_mentions" ADD CONSTRAINT "community_mentions_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_mentions" ADD CONSTRAINT "community_mentions_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_mentions" ADD CONSTRAINT "community_mentions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_representatives_current" ON "legal_representatives" USING btree ("participant_id") WHERE "legal_representatives"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "legal_representatives_user" ON "legal_representatives" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_mentions_member" ON "community_mentions" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_signed_representative_id_legal_representatives_id_fk" FOREIGN KEY ("signed_representative_id") REFERENCES "public"."legal_representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_follows_id_supervision_sessions_id_fk" FOREIGN KEY ("follows_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_rooms" ADD CONSTRAINT "community_rooms_group_id_peer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."peer_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_follows_id_unique" UNIQUE("follows_id");