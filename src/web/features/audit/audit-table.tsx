import { ActionIcon, Code, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/audit.ts';
import { useI18n } from '../../lib/i18n.tsx';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, locale } = useI18n();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const dateFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  const toggle = (seq: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('audit.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.entity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const isExpanded = expanded.has(entry.seq);
            return (
              <Fragment key={entry.seq}>
                <Table.Tr>
                  <Table.Td w={48}>
                    <ActionIcon
                      variant="subtle"
                      color="gray.8"
                      aria-expanded={isExpanded}
                      aria-controls={`audit-details-${entry.seq}`}
                      aria-label={t('audit.showDetails', { seq: entry.seq })}
                      onClick={() => toggle(entry.seq)}
                    >
                      <span aria-hidden="true">{isExpanded ? '▾' : '▸'}</span>
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateFormat.format(new Date(entry.at))}</Table.Td>
                  <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {entry.entityType}{' '}
                    <Text span size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {entry.entityId}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {isExpanded ? (
                  <Table.Tr id={`audit-details-${entry.seq}`}>
                    <Table.Td colSpan={6}>
                      <SimpleGrid cols={{ base: 1, md: 2 }}>
                        <JsonBlock label={t('audit.before')} value={entry.before} />
                        <JsonBlock label={t('audit.after')} value={entry.after} />
                      </SimpleGrid>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block className="json-block">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}
