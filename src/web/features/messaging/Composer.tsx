import { Button, Group, Paper, Text, Textarea } from '@mantine/core';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_LENGTH } from '../../../shared/schemas/messaging.js';

// Past this, the composer says how many characters are left.
const COUNT_FROM = MESSAGE_MAX_LENGTH - 400;

/** Where a message is written: Enter sends, Shift+Enter starts a new line. */
export function Composer({ onSend, disabled = false }: { onSend: (body: string) => void; disabled?: boolean }) {
  const { t } = useTranslation('messaging');
  const [text, setText] = useState('');
  const hintId = useId();
  const ready = text.trim().length > 0 && !disabled;

  const send = () => {
    if (!ready) return;
    onSend(text.trim());
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing a character (Japanese, Chinese…).
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <Paper
      component="form"
      p="sm"
      withBorder
      radius="md"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      data-testid="composer"
    >
      <Textarea
        label={t('compose.label')}
        aria-describedby={hintId}
        placeholder={t('compose.placeholder')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={MESSAGE_MAX_LENGTH}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        styles={{ input: { fontSize: 16, lineHeight: 1.45 }, label: { marginBottom: 4 } }}
      />
      <Group justify="space-between" mt="xs" wrap="nowrap" gap="sm">
        <Text id={hintId} fz="xs" c="dimmed">
          {text.length >= COUNT_FROM ? t('compose.left', { count: MESSAGE_MAX_LENGTH - text.length }) : t('compose.hint')}
        </Text>
        <Button type="submit" disabled={!ready} style={{ flexShrink: 0 }}>
          {t('compose.send')}
        </Button>
      </Group>
    </Paper>
  );
}
