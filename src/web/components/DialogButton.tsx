import { Button, Modal, type ButtonProps } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** The accessible name when the visible label alone would be ambiguous in a list. */
  ariaLabel?: string;
  title: string;
  button?: ButtonProps;
  children: (close: () => void) => ReactNode;
}

/** A button that opens a form in a dialog: full screen on a phone, focus trapped and returned. */
export function DialogButton({ label, ariaLabel, title, button, children }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <>
      <Button onClick={open} aria-label={ariaLabel} {...button}>
        {label}
      </Button>
      <Modal.Root opened={opened} onClose={close} fullScreen={phone} centered size="lg">
        <Modal.Overlay />
        <Modal.Content>
          {/* A div, not Mantine's <header>: a dialog's title bar is not the page's banner landmark. */}
          <Modal.Header component="div">
            <Modal.Title fw={650} fz="lg">
              {title}
            </Modal.Title>
            <Modal.CloseButton aria-label={t('app.close')} />
          </Modal.Header>
          <Modal.Body>{opened && children(close)}</Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
