import { Group, List, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type IndicatorStatus, INDICATOR_STATUSES } from '../../../shared/domain/indicator-achievement.ts';
import { indicatorNameIn } from '../../../shared/domain/localized-name.ts';
import { SCORE_LIGHTS, type ScoreLight } from '../../../shared/domain/scorecard.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { heatMapRoute } from '../../router.tsx';
import { STATUS_LOOK } from './indicator-badges.tsx';
import { indicatorListQuery, indicatorQuery, scorecardsQuery } from './indicators-api.ts';
import { PROVINCE_TILES, shortProvinceName } from './province-tiles.ts';
import { lastEndedQuarter, recentQuarters } from './recent-quarters.ts';
import { LIGHT_LOOK } from './score-badges.tsx';

interface Tile {
  id: string;
  code: string;
  name: string;
  look: { color: string; textColor?: string; sign: string };
  state: string;
  detail: string;
}

/** Mantine colour names ("red.9") as CSS variables, for the tiles' plain styles. */
const cssColor = (name: string) => (name.startsWith('#') ? name : `var(--mantine-color-${name.replace('.', '-')})`);

/**
 * The 34 provinces on a tile-grid map, coloured by their scorecard light or by their status on one
 * indicator. Each tile says its state in words and a sign, and opens the province's dashboard.
 */
export function HeatMapPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('heatMap.title')} · ${t('app.name')}`);
  const search = heatMapRoute.useSearch();
  const navigate = useNavigate({ from: '/heat-map' });
  const period = search.period ?? lastEndedQuarter();
  const cards = useQuery(scorecardsQuery('provinces', period));
  const indicators = useQuery(indicatorListQuery({})).data?.items ?? [];
  const indicator = useQuery({
    ...indicatorQuery(search.by ?? '', cards.data?.asOf),
    enabled: search.by !== undefined && cards.data !== undefined,
  });

  const tiles: Tile[] = (cards.data?.items ?? []).map((card) => {
    const name = shortProvinceName(locale, card.organization);
    if (search.by) {
      const standing = indicator.data?.standings.find((each) => each.organization.id === card.organization.id);
      const status: IndicatorStatus = standing?.status ?? 'no_data';
      return {
        id: card.organization.id,
        code: card.organization.code,
        name,
        look: STATUS_LOOK[status],
        state: t(`indicator.status.${status}`),
        detail: '',
      };
    }
    return {
      id: card.organization.id,
      code: card.organization.code,
      name,
      look: card.light ? LIGHT_LOOK[card.light] : STATUS_LOOK.no_data,
      state: card.light ? t(`scorecards.light.${card.light}`) : t('scorecards.noScore'),
      detail: card.score === null ? '' : formatNumber(locale, card.score),
    };
  });
  const legend: Array<{ key: string; look: Tile['look']; label: string }> = search.by
    ? INDICATOR_STATUSES.map((status) => ({
        key: status,
        look: STATUS_LOOK[status],
        label: t(`indicator.status.${status}`),
      }))
    : SCORE_LIGHTS.map((light: ScoreLight) => ({
        key: light,
        look: LIGHT_LOOK[light],
        label: t(`scorecards.light.${light}`),
      }));

  return (
    <Stack gap="md">
      <Title order={1}>{t('heatMap.title')}</Title>
      <Text size="sm">{t('heatMap.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('scorecards.period')}
          data={recentQuarters()}
          value={period}
          onChange={(value) => value && void navigate({ search: { ...search, period: value } })}
          allowDeselect={false}
          w={140}
        />
        <Select
          label={t('heatMap.colourBy')}
          data={[
            { value: 'score', label: t('heatMap.byScore') },
            ...indicators.map((each) => ({ value: each.id, label: indicatorNameIn(locale, each) })),
          ]}
          value={search.by ?? 'score'}
          onChange={(value) =>
            void navigate({ search: { ...search, by: value && value !== 'score' ? value : undefined } })
          }
          allowDeselect={false}
          w={{ base: '100%', sm: 420 }}
        />
      </Group>
      <QueryState isLoading={cards.isLoading} error={cards.error} onRetry={() => void cards.refetch()} />
      <QueryState
        isLoading={indicator.isLoading && indicator.fetchStatus !== 'idle'}
        error={indicator.error}
        onRetry={() => void indicator.refetch()}
      />
      <Group align="flex-start" gap="xl">
        <nav aria-label={t('heatMap.title')}>
          <ul
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(5, minmax(3.75rem, 5.5rem))',
              gridAutoRows: '3.4rem',
              gap: 4,
              listStyle: 'none',
              margin: 0,
              padding: 0,
            }}
          >
            {tiles.map((tile) => {
              const place = PROVINCE_TILES[tile.code];
              if (!place) return null;
              return (
                <li key={tile.id} style={{ gridRow: place.row + 1, gridColumn: place.column + 1 }}>
                  <Link
                    to="/dashboard"
                    search={{ scope: tile.code, as_of: cards.data?.asOf }}
                    style={{
                      display: 'flex',
                      flexDirection: 'column',
                      justifyContent: 'center',
                      height: '100%',
                      padding: '2px 4px',
                      borderRadius: 4,
                      background: cssColor(tile.look.color),
                      color: tile.look.textColor ? cssColor(tile.look.textColor) : 'white',
                      textDecoration: 'none',
                      fontSize: '0.72rem',
                      lineHeight: 1.15,
                    }}
                  >
                    {/* Read out as "Hà Nội: Sẵn sàng, 81": the words the tile shows, and the state its colour gives. */}
                    <span style={{ fontWeight: 600 }}>
                      {tile.name}
                      <VisuallyHidden component="span">: {tile.detail ? `${tile.state}, ` : ''}</VisuallyHidden>
                    </span>
                    <span>
                      <span aria-hidden="true">{tile.look.sign} </span>
                      {tile.detail || tile.state}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <section aria-labelledby="legend-title">
          <Title order={2} size="h5" id="legend-title">
            {t('heatMap.legend')}
          </Title>
          <List listStyleType="none" spacing={4} mt="xs">
            {legend.map((entry) => (
              <List.Item key={entry.key}>
                <span
                  aria-hidden="true"
                  style={{
                    display: 'inline-block',
                    width: '1.6rem',
                    textAlign: 'center',
                    marginRight: 8,
                    borderRadius: 4,
                    background: cssColor(entry.look.color),
                    color: entry.look.textColor ? cssColor(entry.look.textColor) : 'white',
                  }}
                >
                  {entry.look.sign}
                </span>
                {entry.label}
              </List.Item>
            ))}
          </List>
        </section>
      </Group>
    </Stack>
  );
}
