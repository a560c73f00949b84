CREATE TYPE "public"."participant_setting" AS ENUM('community', 'in_treatment', 'incarcerated', 'recently_released', 'sober_living');--> statement-breakpoint
CREATE TYPE "public"."recovery_pathway" AS ENUM('twelve_step', 'smart_recovery', 'mat_opioid', 'mat_alcohol', 'faith_based', 'recovery_dharma', 'secular', 'harm_reduction', 'other');--> statement-breakpoint
CREATE TYPE "public"."goal_domain" AS ENUM('recovery', 'health', 'housing', 'employment', 'education', 'relationships', 'legal', 'finances', 'community');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('suggested', 'active', 'completed', 'set_aside');--> statement-breakpoint
CREATE TYPE "public"."reported_use" AS ENUM('yes', 'no', 'prefer_not_to_say');--> statement-breakpoint
CREATE TYPE "public"."alert_kind" AS ENUM('suicidality', 'reported_use', 'bam_risk', 'craving_high', 'craving_rising', 'missed_checkins', 'no_contact', 'crisis_language', 'craving_help');--> statement-breakpoint
CREATE TYPE "public"."alert_severity" AS ENUM('urgent', 'high', 'normal');--> statement-breakpoint
CREATE TYPE "public"."alert_status" AS ENUM('open', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."assessment_mode" AS ENUM('self', 'peer');--> statement-breakpoint
CREATE TYPE "public"."assessment_status" AS ENUM('complete', 'incomplete');--> statement-breakpoint
CREATE TABLE "check_in_reminders" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"local_time" time NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"mood" smallint NOT NULL,
	"craving" smallint NOT NULL,
	"used_since_last" "reported_use" NOT NULL,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"trigger_note" text,
	"sleep_hours" numeric(3, 1),
	"support_contact" boolean,
	"note" text,
	"private" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coping_plan_items" (
	"participant_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"strategy_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"personal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coping_plan_items_participant_id_strategy_id_pk" PRIMARY KEY("participant_id","strategy_id")
);
--> statement-breakpoint
CREATE TABLE "craving_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"intensity_before" smallint NOT NULL,
	"intensity_after" smallint,
	"strategies_used" text[] DEFAULT '{}'::text[] NOT NULL,
	"told_peer_worker" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "custom_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"label" text NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"position" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"domain" "goal_domain" NOT NULL,
	"title" text NOT NULL,
	"why" text,
	"target_date" date,
	"status" "goal_status" DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"iv" text NOT NULL,
	"ciphertext" text NOT NULL,
	"auth_tag" text NOT NULL,
	"shared_with_peer_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_celebrations" (
	"participant_id" uuid NOT NULL,
	"milestone_key" text NOT NULL,
	"celebrated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_celebrations_participant_id_milestone_key_pk" PRIMARY KEY("participant_id","milestone_key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_starts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"note" text,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_plans" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"warning_signs" text[] DEFAULT '{}'::text[] NOT NULL,
	"internal_coping" text[] DEFAULT '{}'::text[] NOT NULL,
	"distractions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"help_contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"professionals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"environment_safety" text[] DEFAULT '{}'::text[] NOT NULL,
	"reasons_for_living" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" "alert_kind" NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"reason" text NOT NULL,
	"source_type" text,
	"source_id" text,
	"status" "alert_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution_note" text,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"instrument_version" text NOT NULL,
	"scoring_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"status" "assessment_status" NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bands" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	"mode" "assessment_mode" NOT NULL,
	"administered_by" uuid,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"instrument_id" text NOT NULL,
	"version" text NOT NULL,
	"definition" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "invite_code" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "bam_risk_threshold" smallint DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "preferred_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "pathways" "recovery_pathway"[] DEFAULT '{}'::recovery_pathway[] NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "substances" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "setting" "participant_setting" DEFAULT 'community' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "demographics" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "counts_days" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "discharged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "discharge_reason" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "continued_support" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in_reminders" ADD CONSTRAINT "check_in_reminders_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_reminders" ADD CONSTRAINT "check_in_reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coping_plan_items" ADD CONSTRAINT "coping_plan_items_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coping_plan_items" ADD CONSTRAINT "coping_plan_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craving_episodes" ADD CONSTRAINT "craving_episodes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craving_episodes" ADD CONSTRAINT "craving_episodes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_milestones" ADD CONSTRAINT "custom_milestones_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_milestones" ADD CONSTRAINT "custom_milestones_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_celebrations" ADD CONSTRAINT "milestone_celebrations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_starts" ADD CONSTRAINT "recovery_starts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_starts" ADD CONSTRAINT "recovery_starts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_starts" ADD CONSTRAINT "recovery_starts_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plans" ADD CONSTRAINT "safety_plans_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plans" ADD CONSTRAINT "safety_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plans" ADD CONSTRAINT "safety_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_administered_by_users_id_fk" FOREIGN KEY ("administered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_definitions" ADD CONSTRAINT "instrument_definitions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_participant_time" ON "check_ins" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "craving_episodes_participant" ON "craving_episodes" USING btree ("participant_id","started_at");--> statement-breakpoint
CREATE INDEX "custom_milestones_participant" ON "custom_milestones" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "goal_steps_goal" ON "goal_steps" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "goals_participant" ON "goals" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "journal_entries_participant" ON "journal_entries" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "recovery_starts_participant" ON "recovery_starts" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "alerts_participant" ON "alerts" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "alerts_program_status" ON "alerts" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "assessment_responses_participant" ON "assessment_responses" USING btree ("participant_id","instrument_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_definitions_unique" ON "instrument_definitions" USING btree ("organization_id","instrument_id","version");--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_invite_code_unique" UNIQUE("invite_code");