import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCertificationSchema, createTrainingSchema, trainingDomains } from '../../../shared/schemas/workforce.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useWorkforceActions } from './api.js';

const today = () => new Date().toLocaleDateString('en-CA');
const numberOrNothing = (v: number | string) => (v === '' ? undefined : Number(v));

/** A training the worker completed: course, provider, hours and domain. */
export function TrainingForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [course, setCourse] = useState('');
  const [provider, setProvider] = useState('');
  const [hours, setHours] = useState<number | string>('');
  const [domain, setDomain] = useState<string>('ethics_boundaries');
  const [completedOn, setCompletedOn] = useState(today());
  const form = useApiForm({ schema: createTrainingSchema, send: actions.addTraining, onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ course, provider: provider.trim() || undefined, hours: numberOrNothing(hours), domain, completedOn })}>
      <Stack gap="md">
        <TextInput label={t('trainingForm.course')} required value={course} onChange={(e) => setCourse(e.currentTarget.value)} error={form.error('course')} />
        <TextInput label={t('trainingForm.provider')} value={provider} onChange={(e) => setProvider(e.currentTarget.value)} error={form.error('provider')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('trainingForm.hours')} required min={0.25} step={0.25} decimalScale={2} value={hours} onChange={setHours} error={form.error('hours') && t('trainingForm.hoursInvalid')} />
          <TextInput type="date" label={t('trainingForm.completedOn')} required value={completedOn} onChange={(e) => setCompletedOn(e.currentTarget.value)} error={form.error('completedOn')} />
        </SimpleGrid>
        <NativeSelect
          label={t('trainingForm.domain')}
          value={domain}
          onChange={(e) => setDomain(e.currentTarget.value)}
          data={trainingDomains.map((d) => ({ value: d, label: t(`domain.${d}`) }))}
          error={form.error('domain')}
        />
        <FormError message={form.formError} />
        <Button type="submit" size="md" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('trainingForm.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** A credential: number, issuer, issue and expiry dates, and the continuing-education hours its renewal needs. */
export function CertificationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [ceHours, setCeHours] = useState<number | string>(0);
  const form = useApiForm({ schema: createCertificationSchema, send: actions.addCertification, onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ name, number: number.trim() || undefined, issuer, issuedOn, expiresOn, ceHoursRequired: numberOrNothing(ceHours) })}>
      <Stack gap="md">
        <TextInput label={t('certForm.name')} description={t('certForm.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.error('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('certForm.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={form.error('number')} />
          <TextInput label={t('certForm.issuer')} required value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} error={form.error('issuer')} />
          <TextInput type="date" label={t('certForm.issuedOn')} required value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} error={form.error('issuedOn')} />
          <TextInput
            type="date"
            label={t('certForm.expiresOn')}
            required
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={form.error('expiresOn') && (expiresOn ? t('certForm.expiresAfter') : form.error('expiresOn'))}
          />
        </SimpleGrid>
        <NumberInput
          label={t('certForm.ceHours')}
          description={t('certForm.ceHoursHint')}
          min={0}
          allowDecimal={false}
          value={ceHours}
          onChange={setCeHours}
          error={form.error('ceHoursRequired')}
          maw={260}
        />
        <FormError message={form.formError} />
        <Button type="submit" size="md" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('certForm.save')}
        </Button>
      </Stack>
    </form>
  );
}
