CREATE TYPE "public"."cosign_rule" AS ENUM('none', 'first_90_days', 'billable', 'all');--> statement-breakpoint
CREATE TYPE "public"."cosign_status" AS ENUM('pending', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."incident_kind" AS ENUM('overdose', 'death', 'violence', 'crisis', 'other');--> statement-breakpoint
CREATE TYPE "public"."supervision_kind" AS ENUM('individual', 'group');--> statement-breakpoint
CREATE TYPE "public"."supervision_recurrence" AS ENUM('none', 'weekly', 'biweekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."supervision_status" AS ENUM('scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."training_domain" AS ENUM('ethics_boundaries', 'trauma_informed_care', 'cultural_humility', 'suicide_prevention', 'naloxone_overdose', 'motivational_interviewing', 'documentation', 'recovery_oriented_practice', 'other');--> statement-breakpoint
CREATE TYPE "public"."unit_rule" AS ENUM('cms_8_minute', 'whole_units');--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"number" text,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"ce_hours_required" smallint DEFAULT 0 NOT NULL,
	"reminded_90_at" timestamp with time zone,
	"reminded_30_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "critical_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"participant_id" uuid,
	"kind" "incident_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"description" text,
	"debrief_at" timestamp with time zone,
	"debrief_done_at" timestamp with time zone,
	"time_off" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_cosigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"note_version" integer NOT NULL,
	"status" "cosign_status" DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "onboarding_progress" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"item" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_progress_user_id_program_id_item_pk" PRIMARY KEY("user_id","program_id","item")
);
--> statement-breakpoint
CREATE TABLE "program_workforce_settings" (
	"program_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"cosign_rule" "cosign_rule" DEFAULT 'none' NOT NULL,
	"service_code" text DEFAULT 'H0038' NOT NULL,
	"unit_rule" "unit_rule" DEFAULT 'cms_8_minute' NOT NULL,
	"onboarding_checklist" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_attendees" (
	"session_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	CONSTRAINT "supervision_attendees_session_id_worker_id_pk" PRIMARY KEY("session_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"kind" "supervision_kind" NOT NULL,
	"recurrence" "supervision_recurrence" DEFAULT 'none' NOT NULL,
	"status" "supervision_status" DEFAULT 'scheduled' NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"duration_minutes" smallint DEFAULT 60 NOT NULL,
	"cases_discussed" text,
	"boundaries" text,
	"disclosure" text,
	"skills" text,
	"self_care" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"course" text NOT NULL,
	"provider" text,
	"hours" real NOT NULL,
	"domain" "training_domain" NOT NULL,
	"completed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wellbeing_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"scoring_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_notes" ADD COLUMN "billable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_notes" ADD COLUMN "service_code" text;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_incidents" ADD CONSTRAINT "critical_incidents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_incidents" ADD CONSTRAINT "critical_incidents_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_incidents" ADD CONSTRAINT "critical_incidents_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_incidents" ADD CONSTRAINT "critical_incidents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_cosigns" ADD CONSTRAINT "note_cosigns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_cosigns" ADD CONSTRAINT "note_cosigns_note_id_contact_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."contact_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_cosigns" ADD CONSTRAINT "note_cosigns_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_cosigns" ADD CONSTRAINT "note_cosigns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_progress" ADD CONSTRAINT "onboarding_progress_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD CONSTRAINT "program_workforce_settings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_workforce_settings" ADD CONSTRAINT "program_workforce_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_session_id_supervision_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."supervision_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_attendees" ADD CONSTRAINT "supervision_attendees_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_checks" ADD CONSTRAINT "wellbeing_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_checks" ADD CONSTRAINT "wellbeing_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certifications_user" ON "certifications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "certifications_expiry" ON "certifications" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "critical_incidents_worker" ON "critical_incidents" USING btree ("worker_id","occurred_at");--> statement-breakpoint
CREATE INDEX "critical_incidents_program" ON "critical_incidents" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "note_cosigns_note" ON "note_cosigns" USING btree ("note_id","requested_at");--> statement-breakpoint
CREATE INDEX "note_cosigns_program_status" ON "note_cosigns" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "supervision_actions_worker" ON "supervision_actions" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "supervision_attendees_worker" ON "supervision_attendees" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "supervision_sessions_program" ON "supervision_sessions" USING btree ("program_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "training_records_user" ON "training_records" USING btree ("user_id","completed_on");--> statement-breakpoint
CREATE INDEX "wellbeing_checks_user" ON "wellbeing_checks" USING btree ("user_id","taken_at");