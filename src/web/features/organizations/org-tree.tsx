import { ActionIcon, Button, Group, Text, UnstyledButton } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { QueryState } from '../../components/query-state.tsx';
import { localName, translateDynamic, useI18n } from '../../lib/i18n.tsx';
import { organizationChildrenQuery } from './organizations-api.ts';

interface TreeProps {
  selectedId: string | undefined;
  onSelect: (organization: Organization) => void;
}

/**
 * Nested lists with disclosure buttons rather than an ARIA tree widget: every control is a plain
 * button, which screen readers and keyboards handle without a custom arrow-key model.
 */
export function OrgTree({ selectedId, onSelect }: TreeProps) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('orgs.tree')}>
      <ChildList parentId={null} selectedId={selectedId} onSelect={onSelect} />
    </nav>
  );
}

function ChildList({ parentId, selectedId, onSelect }: TreeProps & { parentId: string | null }) {
  const { t } = useI18n();
  const query = useInfiniteQuery(organizationChildrenQuery(parentId));
  const organizations = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      <ul className="org-tree">
        {organizations.map((organization) => (
          <TreeNode key={organization.id} organization={organization} selectedId={selectedId} onSelect={onSelect} />
        ))}
      </ul>
      {query.hasNextPage ? (
        <Button
          variant="subtle"
          size="xs"
          ml="lg"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

function TreeNode({ organization, selectedId, onSelect }: TreeProps & { organization: Organization }) {
  const { t, locale } = useI18n();
  // The national root starts open: there is only one, and a closed tree shows nothing useful.
  const [isExpanded, setExpanded] = useState(organization.parentId === null);
  const name = localName(locale, organization);
  const hasChildren = organization.childCount > 0;
  const isSelected = organization.id === selectedId;
  return (
    <li>
      <Group gap={4} wrap="nowrap" py={2}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="sm"
            aria-expanded={isExpanded}
            aria-label={t(isExpanded ? 'orgs.collapse' : 'orgs.expand', { name })}
            onClick={() => setExpanded((value) => !value)}
          >
            <span aria-hidden="true">{isExpanded ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <span style={{ display: 'inline-block', width: 'var(--ai-size-sm, 1.375rem)' }} aria-hidden="true" />
        )}
        <UnstyledButton
          onClick={() => onSelect(organization)}
          aria-current={isSelected ? 'true' : undefined}
          px={6}
          py={2}
          style={{
            borderRadius: 'var(--mantine-radius-sm)',
            background: isSelected ? 'var(--mantine-color-blue-light)' : undefined,
            fontWeight: isSelected ? 600 : undefined,
          }}
        >
          <Text size="sm" span>
            {name}
          </Text>
        </UnstyledButton>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} visibleFrom="xs">
          {translateDynamic(t, `orgKind.${organization.kind}`, organization.kind)}
        </Text>
      </Group>
      {isExpanded && hasChildren ? (
        <ChildList parentId={organization.id} selectedId={selectedId} onSelect={onSelect} />
      ) : null}
    </li>
  );
}
