CREATE TYPE "public"."consent_expiry_kind" AS ENUM('date', 'event', 'revocation');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('treatment', 'payment', 'health_care_operations', 'care_coordination', 'court_or_probation', 'research');--> statement-breakpoint
CREATE TYPE "public"."consent_recipient_kind" AS ENUM('clinician', 'care_team', 'outside_provider');--> statement-breakpoint
CREATE TYPE "public"."integration_scope" AS ENUM('read', 'write');--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"recipient_kind" "consent_recipient_kind" NOT NULL,
	"recipient_user_id" uuid,
	"recipient_program_id" uuid,
	"recipient_name" text NOT NULL,
	"recipient_integration_client_id" uuid,
	"purpose" "consent_purpose" NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"expiry_kind" "consent_expiry_kind" NOT NULL,
	"expires_on" date,
	"expiry_event" text,
	"prepared_by" uuid NOT NULL,
	"signed_name" text,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"signed_client" text,
	"signed_ip" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fhir_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resource_type" text NOT NULL,
	"external_id" text NOT NULL,
	"local_type" text NOT NULL,
	"local_id" uuid NOT NULL,
	"task_external_id" text,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" "integration_scope" NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recipient_program_id_programs_id_fk" FOREIGN KEY ("recipient_program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_links" ADD CONSTRAINT "fhir_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_clients" ADD CONSTRAINT "integration_clients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_clients" ADD CONSTRAINT "integration_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_participant" ON "consents" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "consents_recipient_user" ON "consents" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "consents_recipient_program" ON "consents" USING btree ("recipient_program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fhir_links_external" ON "fhir_links" USING btree ("organization_id","resource_type","external_id");--> statement-breakpoint
CREATE INDEX "fhir_links_local" ON "fhir_links" USING btree ("local_type","local_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_clients_token" ON "integration_clients" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "integration_clients_org" ON "integration_clients" USING btree ("organization_id");