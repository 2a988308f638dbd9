import { Table, Text } from '@mantine/core';
import type { DirectiveDocument } from '../../../shared/schemas/directives.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { localName, useI18n, type Locale } from '../../lib/i18n.tsx';

export const issuerName = (locale: Locale, document: DirectiveDocument) =>
  localName(locale, { nameVi: document.issuerNameVi, nameEn: document.issuerNameEn });

export function DocumentTable({ documents, caption }: { documents: DirectiveDocument[]; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directives.number')}</Table.Th>
            <Table.Th scope="col">{t('directives.documentTitle')}</Table.Th>
            <Table.Th scope="col">{t('directives.type')}</Table.Th>
            <Table.Th scope="col">{t('directives.issuer')}</Table.Th>
            <Table.Th scope="col">{t('directives.issuedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <Table.Tr key={document.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/directives/$documentId" params={{ documentId: document.id }}>
                  {document.number}
                </AnchorLink>
              </Table.Td>
              <Table.Td miw={260}>
                <Text size="sm" lineClamp={3}>
                  {document.title}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`documentType.${document.docType}`)}</Table.Td>
              <Table.Td miw={160}>{issuerName(locale, document)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(locale, document.issuedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
