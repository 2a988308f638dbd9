import { AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { canManagePeople, canReadAudit, canReadTasks, mayDo, sessionQuery, signOut } from '../lib/session.ts';
import { GlobalSearch } from '../features/search/global-search.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export function AppLayout() {
  const { t } = useI18n();
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { data: session } = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // Below the "sm" breakpoint (48em) the navigation slides off screen when closed; it must then
  // also leave the tab order and the accessibility tree, or keyboard users land on invisible links.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const isNavHidden = isPhone && !isNavOpen;

  // On a phone the navigation covers the page: close it once the person has chosen where to go.
  useEffect(() => closeNav(), [pathname, closeNav]);

  const handleSignOut = async () => {
    await signOut(queryClient).catch(() => undefined);
    await navigate({ to: '/sign-in', search: { redirect: undefined } });
  };

  const links = [
    { to: '/dashboard', label: t('nav.dashboard'), isShown: canReadTasks(session) },
    { to: '/tasks', label: t('nav.tasks'), isShown: canReadTasks(session) },
    { to: '/directives', label: t('nav.directives'), isShown: canReadTasks(session) },
    { to: '/meetings', label: t('nav.meetings'), isShown: canReadTasks(session) },
    { to: '/organizations', label: t('nav.organizations'), isShown: true },
    { to: '/people', label: t('nav.people'), isShown: canManagePeople(session) },
    { to: '/audit', label: t('nav.audit'), isShown: canReadAudit(session) },
    { to: '/calendar', label: t('nav.calendar'), isShown: !!session },
    { to: '/feedback', label: t('nav.feedback'), isShown: mayDo(session, 'feedback.read') },
    { to: '/indicators', label: t('nav.indicators'), isShown: mayDo(session, 'indicator.read') },
    { to: '/scorecards', label: t('nav.scorecards'), isShown: mayDo(session, 'indicator.read') },
    { to: '/heat-map', label: t('nav.heatMap'), isShown: mayDo(session, 'indicator.read') },
    {
      to: '/indicator-values',
      label: t('nav.indicatorValues'),
      isShown: mayDo(session, 'indicator.approve') || mayDo(session, 'indicator.report'),
    },
  ] as const;

  const signedInAs = session ? (
    <Text size="sm" c="dimmed" truncate="end" maw={220}>
      {t('header.signedInAs', { name: session.person.fullName })}
    </Text>
  ) : null;
  const signOutButton = (
    <Button variant="default" size="xs" onClick={handleSignOut}>
      {t('header.signOut')}
    </Button>
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={isNavOpen}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" fw={700} size="lg" c="blue.9" td="none">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <LanguageSwitch />
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              {signedInAs}
              {signOutButton}
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('nav.main')}
        inert={isNavHidden}
        style={isNavHidden ? { visibility: 'hidden' } : undefined}
      >
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {links
            .filter((link) => link.isShown)
            .map((link) => (
              <li key={link.to}>
                <NavLink
                  component={Link}
                  variant="filled"
                  to={link.to}
                  label={link.label}
                  active={pathname.startsWith(link.to)}
                  aria-current={pathname.startsWith(link.to) ? 'page' : undefined}
                />
              </li>
            ))}
        </Stack>
        <Stack gap="xs" mt="auto" hiddenFrom="sm">
          {signedInAs}
          {signOutButton}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
