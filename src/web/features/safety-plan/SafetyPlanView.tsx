import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contactSteps, safetyPlanSteps, type SafetyPlan, type SafetyPlanContact, type SafetyPlanStep } from '../../../shared/schemas/safety-plan.js';
import { dialable } from '../../components/CrisisCard.js';

const isContactStep = (step: SafetyPlanStep): step is (typeof contactSteps)[number] => (contactSteps as readonly string[]).includes(step);

/** The seven steps in order, each a card with a big number; phone numbers are one tap to call. */
export function SafetyPlanView({ plan, mine }: { plan: SafetyPlan; mine: boolean }) {
  const { t } = useTranslation('safety-plan');
  return (
    <Stack component="ol" className="record-list safety-plan-steps" gap="md">
      {safetyPlanSteps.map((step, i) => (
        <StepCard key={step} number={i + 1} title={t(`step.${step}.title`)} prompt={t(`step.${step}.${mine ? 'prompt' : 'promptTheirs'}`)}>
          {step === 'professionals' && <CrisisLineRow crisisLine={plan.crisisLine} />}
          {isContactStep(step) ? (
            plan[step].length > 0 ? (
              <Stack component="ul" className="record-list" gap="xs">
                {plan[step].map((contact, j) => (
                  <ContactRow key={j} contact={contact} />
                ))}
              </Stack>
            ) : (
              step !== 'professionals' && <Empty />
            )
          ) : plan[step].length > 0 ? (
            <ul className="safety-plan-lines">
              {plan[step].map((line, j) => (
                <li key={j}>{line}</li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </StepCard>
      ))}
    </Stack>
  );
}

function StepCard({ number, title, prompt, children }: { number: number; title: string; prompt: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="li" aria-labelledby={id} withBorder p={{ base: 'md', sm: 'lg' }} bg="white" className="safety-plan-step">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <span className="safety-plan-number" aria-hidden="true">
            {number}
          </span>
          <div>
            <Title order={2} fz={{ base: 20, sm: 22 }} id={id}>
              {title}
            </Title>
            <Text c="dimmed" fz="sm">
              {prompt}
            </Text>
          </div>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Empty() {
  const { t } = useTranslation('safety-plan');
  return (
    <Text c="dimmed" fs="italic">
      {t('emptyStep')}
    </Text>
  );
}

function ContactRow({ contact }: { contact: SafetyPlanContact }) {
  const { t } = useTranslation('safety-plan');
  return (
    <li className="safety-plan-contact">
      <Group justify="space-between" gap="xs" align="center">
        <div style={{ minWidth: 0 }}>
          <Text fz="lg" fw={600}>
            {contact.name}
          </Text>
          {contact.note && <Text fz="sm">{contact.note}</Text>}
        </div>
        {contact.phone && dialable(contact.phone) && (
          <Button
            component="a"
            href={`tel:${dialable(contact.phone)}`}
            variant="light"
            size="md"
            h="auto"
            py={8}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            aria-label={t('callNamed', { name: contact.name, phone: contact.phone })}
          >
            {t('call', { phone: contact.phone })}
          </Button>
        )}
      </Group>
    </li>
  );
}

/** Always the first entry among the people to contact in a crisis, whatever else the plan says. */
function CrisisLineRow({ crisisLine }: { crisisLine: string }) {
  const { t } = useTranslation('safety-plan');
  const number = dialable(crisisLine);
  return (
    <Paper p="sm" radius="md" bg="clay.0" style={{ borderLeft: '6px solid var(--mantine-color-clay-7)' }} data-testid="safety-plan-crisis-line">
      <Stack gap={6}>
        <Text fz="lg" fw={700} c="clay.9">
          {t('crisisLine.title', { crisisLine })}
        </Text>
        <Text fz="sm">{t('crisisLine.body')}</Text>
        {number && (
          <Group gap="sm">
            <Button component="a" href={`tel:${number}`} color="clay" size="md" aria-label={t('crisisLine.callAria', { crisisLine })}>
              {t('crisisLine.call')}
            </Button>
            <Button component="a" href={`sms:${number}`} color="clay" variant="outline" size="md" aria-label={t('crisisLine.textAria', { crisisLine })}>
              {t('crisisLine.text')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
