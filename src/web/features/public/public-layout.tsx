import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { sessionQuery } from '../../lib/session.ts';

const PUBLIC_LINKS = [
  { to: '/send-feedback', key: 'publicSite.send' },
  { to: '/track', key: 'publicSite.track' },
  { to: '/answers', key: 'publicSite.answers' },
] as const;

/**
 * The shell of the pages anyone may open without an account. It reads the session all the same:
 * a signed-in person is offered the way back to work, and their CSRF token is then known, which
 * the server requires on a POST made with their cookie.
 */
export function PublicLayout() {
  const { t } = useI18n();
  const { data: session } = useQuery(sessionQuery);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between" gap="sm">
            <Text component={Link} to="/send-feedback" fw={700} size="lg" c="blue.9" td="none">
              {t('app.name')}
            </Text>
            <Group gap="sm">
              <LanguageSwitch />
              {session ? (
                <AnchorLink to="/" size="sm">
                  {t('publicSite.workspace')}
                </AnchorLink>
              ) : (
                <AnchorLink to="/sign-in" search={{ redirect: undefined }} size="sm">
                  {t('publicSite.signIn')}
                </AnchorLink>
              )}
            </Group>
          </Group>
          <Group component="nav" aria-label={t('publicSite.nav')} gap="md" mt="xs">
            {PUBLIC_LINKS.map((link) => (
              <Anchor
                key={link.to}
                component={Link}
                to={link.to}
                fw={pathname === link.to ? 700 : 500}
                aria-current={pathname === link.to ? 'page' : undefined}
              >
                {t(link.key)}
              </Anchor>
            ))}
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="md" component="main" id="main-content" tabIndex={-1}>
        <Outlet />
      </Container>
    </>
  );
}
